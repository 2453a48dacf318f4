// Max concurrency across processes: one leased row per slot in connection_slots.
// A call holds a slot for its whole duration; the lease is renewed while it
// runs, so a crashed worker's slot comes back when its lease runs out. Within
// a process only the head of a FIFO polls the database; the others queue locally.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { claimSlot, ensureSlots, releaseSlot, renewSlot } from "@/server/llm/queries";
import type { ResolvedLimiterOptions } from "./types";
import { Mutex, Notifier } from "./wait";

export type HeldSlot = { slot: number; release(): Promise<void> };

const FIRST_POLL_MS = 5;
// Caps how long a slot freed by another process can sit idle before a waiter here notices.
const MAX_POLL_MS = 100;

type Pool = { ensured: number; lock: Mutex; freed: Notifier };

export class ConcurrencySlots {
  private readonly pools = new Map<string, Pool>();
  private readonly renewals = new Set<NodeJS.Timeout>();
  private readonly instance = randomUUID().slice(0, 8);
  private sequence = 0;

  constructor(private readonly db: PrismaClient, private readonly options: ResolvedLimiterOptions) {}

  async acquire(connectionId: string, count: number, signal?: AbortSignal): Promise<HeldSlot> {
    let pool = this.pools.get(connectionId);
    if (!pool) {
      pool = { ensured: 0, lock: new Mutex(), freed: new Notifier() };
      this.pools.set(connectionId, pool);
    }
    if (pool.ensured < count) {
      await ensureSlots(this.db, connectionId, count);
      pool.ensured = count;
    }
    const holder = `${this.instance}:${++this.sequence}`;
    const unlock = await pool.lock.lock(signal);
    try {
      for (let delay = FIRST_POLL_MS; ; delay = Math.min(MAX_POLL_MS, delay * 2)) {
        const slot = await claimSlot(this.db, { connectionId, count, holder, leaseMs: this.options.leaseMs });
        if (slot !== undefined) return this.hold(connectionId, slot, holder, pool);
        // Jitter keeps the heads of several processes from polling in lockstep.
        await pool.freed.wait(delay * (0.5 + this.options.random()), signal);
      }
    } finally {
      unlock();
    }
  }

  private hold(connectionId: string, slot: number, holder: string, pool: Pool): HeldSlot {
    const { leaseMs, log } = this.options;
    const renewal = setInterval(() => {
      renewSlot(this.db, { connectionId, slot, holder, leaseMs })
        .then((kept) => kept || log(`concurrency slot ${slot} of connection ${connectionId} was lost (lease expired)`))
        .catch((error: Error) => log(`could not renew concurrency slot: ${error.message}`));
    }, leaseMs / 3);
    renewal.unref();
    this.renewals.add(renewal);
    let released = false;
    return {
      slot,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(renewal);
        this.renewals.delete(renewal);
        try {
          await releaseSlot(this.db, { connectionId, slot, holder });
        } catch (error) {
          log(`could not release concurrency slot (it frees when its lease expires): ${(error as Error).message}`);
        }
        pool.freed.notify();
      },
    };
  }

  /** Stops renewing without releasing: what a crash does. Held slots return when their leases expire. */
  abandon(): void {
    for (const renewal of this.renewals) clearInterval(renewal);
    this.renewals.clear();
  }
}
