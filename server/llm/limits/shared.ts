// The limiter shared by every worker process on one database. Per connection:
// concurrency slots (slots.ts), then one reservation UPDATE that paces starts
// (GCRA at the configured, learned or adaptive rpm), spends TPM tokens, counts
// the UTC day and honours a pause. A connection with nothing configured skips
// all of that (no round trip per call) until it sees its first 429.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { delaySchedule, ensureLimitState, readLimitState, reportLimits, reserveSlot, settleCall, type SharedView } from "@/server/llm/queries";
import { AIMD, cooldownMs, initialRpm } from "./aimd";
import { DatabaseClock } from "./clock";
import { dailyLimitError } from "./daily-limit";
import { LATE_SHARE_OF_MARGIN, marginMs, tokenBucket } from "./gcra";
import { learnedRpmFrom, parseRateLimitHeaders, pauseMsFrom } from "./headers";
import { RecentCalls } from "./recent-calls";
import { ConcurrencySlots, type HeldSlot } from "./slots";
import { resolveLimiterOptions, type CallOutcome, type CallRequest, type LimitedRef, type LimiterOptions, type Permit, type ResolvedLimiterOptions } from "./types";
import { Mutex, sleep } from "./wait";

/** How far ahead a start may be reserved: 2 s of a 60 s window. */
const HORIZON_SHARE = 1 / 30;
/** A 429 without retry-after pauses the connection for 1 s of a 60 s window. */
const DEFAULT_PAUSE_SHARE = 1 / 60;
/** A pause ending this close to a reserved start does not void the reservation. */
const PAUSE_SLACK_MS = 5;

type Connection = {
  id: string;
  adaptiveRpm: number | null;
  learnedRpm: number | null;
  /** Local clock; set at once by this process's 429s, and from every shared-state answer. */
  pausedUntil: number;
  viewAt: number;
  refreshing?: Promise<void>;
  rowEnsured: boolean;
  /** Held by the caller waiting for slots beyond the horizon; the others queue behind it. */
  reserveLock: Mutex;
  reportLock: Mutex;
  pendingIncrease: number;
  reported: boolean;
  recent: RecentCalls;
};

type Pacing = { paced: boolean; rateBound: boolean; adaptive: boolean; intervalMs: number };

export class CallLimiter {
  private readonly options: ResolvedLimiterOptions;
  private readonly connections = new Map<string, Connection>();
  private readonly slots: ConcurrencySlots;
  private readonly clock = new DatabaseClock();

  constructor(private readonly db: PrismaClient, options?: LimiterOptions) {
    this.options = resolveLimiterOptions(options);
    this.slots = new ConcurrencySlots(db, this.options);
  }

  async acquire(ref: LimitedRef, request: CallRequest = {}, signal?: AbortSignal): Promise<Permit> {
    const conn = this.connection(ref.connectionId);
    const started = Date.now();
    const { rpm, tpm, rpd, concurrency } = ref.limits;
    if (rpm === undefined && tpm === undefined && rpd === undefined && concurrency === undefined) {
      await this.refresh(conn);
      if (conn.adaptiveRpm === null && conn.learnedRpm === null) {
        await sleep(conn.pausedUntil - Date.now(), signal);
        return this.permit(conn, ref, request, started, undefined, { paced: false, rateBound: false, adaptive: false, intervalMs: 0 });
      }
    }
    const held = concurrency !== undefined ? await this.slots.acquire(conn.id, concurrency, signal) : undefined;
    try {
      const pacing = await this.pace(conn, ref, request.estimatedTokens ?? 0, signal);
      return this.permit(conn, ref, request, started, held, pacing);
    } catch (error) {
      await held?.release();
      throw error;
    }
  }

  /** Test hook: stop lease renewals as a killed process would; its slots return when their leases expire. */
  abandon(): void {
    this.slots.abandon();
  }

  private connection(id: string): Connection {
    let conn = this.connections.get(id);
    if (!conn) {
      conn = { id, adaptiveRpm: null, learnedRpm: null, pausedUntil: 0, viewAt: 0, rowEnsured: false, reserveLock: new Mutex(), reportLock: new Mutex(), pendingIncrease: 0, reported: false, recent: new RecentCalls(this.options.windowMs) };
      this.connections.set(id, conn);
    }
    return conn;
  }

  private absorb(conn: Connection, view: SharedView): void {
    conn.adaptiveRpm = view.adaptiveRpm;
    conn.learnedRpm = view.learnedRpm;
    if (view.pausedMs !== null && view.pausedMs > 0) conn.pausedUntil = Math.max(conn.pausedUntil, Date.now() + view.pausedMs);
    conn.viewAt = Date.now();
  }

  /** Unconfigured connections follow other processes' switch to adaptive within refreshMs; only the first call waits for the read. */
  private async refresh(conn: Connection): Promise<void> {
    const asked = Date.now();
    if (asked - conn.viewAt >= this.options.refreshMs && !conn.refreshing) {
      conn.refreshing = readLimitState(this.db, conn.id)
        // A 429 reported meanwhile brought a fresher view than this read: keep that one.
        .then((view) => {
          if (conn.viewAt <= asked) this.absorb(conn, view ?? { adaptiveRpm: null, learnedRpm: null, pausedMs: null });
        })
        .catch((error: Error) => this.options.log(`could not read the rate limit state of ${conn.id}: ${error.message}`))
        .finally(() => {
          conn.viewAt = Date.now();
          conn.refreshing = undefined;
        });
    }
    if (conn.viewAt === 0 && conn.refreshing) await conn.refreshing;
  }

  private async pace(conn: Connection, ref: LimitedRef, estimatedTokens: number, signal?: AbortSignal): Promise<Pacing> {
    const { windowMs, random } = this.options;
    const horizonMs = windowMs * HORIZON_SHARE;
    const { tpm, rpm, rpd } = ref.limits;
    // perMs must not be 0 even unused: Postgres may fold the division before the CASE that skips it.
    const bucket = tpm !== undefined ? tokenBucket(tpm, windowMs) : { capacity: 0, perMs: 1 };
    // Reservations run in parallel while slots are free within the horizon. Once one comes
    // back "later", its caller becomes the head: it alone sleeps and asks again, and the
    // callers after it queue locally behind the lock instead of polling the database.
    let unlock: (() => void) | undefined;
    let rateBound = false;
    let voided = false;
    if (conn.reserveLock.locked) {
      unlock = await conn.reserveLock.lock(signal);
      rateBound = true;
    }
    try {
      for (let attempt = 0; ; attempt++) {
        const increase = conn.pendingIncrease;
        conn.pendingIncrease = 0;
        const sentAt = Date.now();
        const row = await reserveSlot(this.db, {
          connectionId: conn.id, rpm: rpm ?? null, tpm: tpm ?? null, rpd: rpd ?? null, estimatedTokens,
          tokenCapacity: bucket.capacity, tokensPerMs: bucket.perMs, increase, windowMs, horizonMs, u: random(),
        });
        if (!row) {
          if (conn.rowEnsured && attempt > 0) throw new Error(`No rate limit state for connection ${conn.id} (was it deleted?)`);
          await ensureLimitState(this.db, conn.id);
          conn.rowEnsured = true;
          continue;
        }
        conn.rowEnsured = true;
        this.clock.observe(sentAt, Date.now(), row.nowMs);
        this.absorb(conn, row);
        if (row.exhausted) throw dailyLimitError(ref, row.used, row.resetsInMs);
        if (!row.reserved) {
          rateBound = true;
          if (!unlock) unlock = await conn.reserveLock.lock(signal);
          else await sleep(row.waitMs - horizonMs + random() * 20, signal);
          continue;
        }
        unlock?.();
        unlock = undefined;
        if (row.waitMs > 1) rateBound = true;
        const startAt = this.clock.toLocal(row.startMs);
        await sleep(startAt.latest - Date.now(), signal);
        // A 429 in this process paused the connection while we slept: this slot is void.
        if (conn.pausedUntil > Date.now() + PAUSE_SLACK_MS) continue;
        // A blocked event loop (GC, a busy pool) wakes callers late. The margin absorbs small
        // delays. A late start would sit too close to the starts one window later, so its slot
        // is given up for a new one; the slots of the stall are lost, no more. Late twice (an
        // overloaded process): go, and move the shared schedule by the lateness instead.
        const lateMs = Date.now() - startAt.earliest;
        if (row.intervalMs > 0 && lateMs > marginMs(windowMs) * LATE_SHARE_OF_MARGIN) {
          if (!voided) {
            voided = true;
            continue;
          }
          await delaySchedule(this.db, conn.id, row.startMs);
        }
        const adaptive = rpm === undefined && row.learnedRpm === null && row.adaptiveRpm !== null;
        return { paced: true, rateBound, adaptive, intervalMs: row.intervalMs };
      }
    } finally {
      unlock?.();
    }
  }

  private permit(conn: Connection, ref: LimitedRef, request: CallRequest, started: number, held: HeldSlot | undefined, pacing: Pacing): Permit {
    const startedAt = Date.now();
    conn.recent.add(startedAt);
    let released = false;
    return {
      waitedMs: startedAt - started,
      release: async (outcome: CallOutcome) => {
        if (released) return;
        released = true;
        await Promise.all([
          held?.release(),
          this.settle(conn, ref, request, outcome, startedAt, pacing).catch((error: Error) => this.options.log(`rate limiter bookkeeping failed for ${conn.id}: ${error.message}`)),
        ]);
      },
    };
  }

  private async settle(conn: Connection, ref: LimitedRef, request: CallRequest, outcome: CallOutcome, startedAt: number, pacing: Pacing): Promise<void> {
    const headers = parseRateLimitHeaders(outcome.headers);
    const learned = learnedRpmFrom(headers, this.options.windowMs);
    const headerPauseMs = pauseMsFrom(headers) ?? 0;
    if (outcome.rateLimited) {
      conn.recent.add(startedAt, -1);
      const pauseMs = Math.max(outcome.retryAfterMs ?? 0, headerPauseMs) || this.options.windowMs * DEFAULT_PAUSE_SHARE;
      conn.pausedUntil = Math.max(conn.pausedUntil, Date.now() + pauseMs);
      await this.report(conn, ref, pauseMs, learned, true);
    } else {
      const calls = outcome.calls ?? 1;
      if (calls === 0) conn.recent.add(startedAt, -1);
      if (outcome.ok && calls > 0 && pacing.adaptive && pacing.rateBound) conn.pendingIncrease += AIMD.increasePerSuccess;
      if ((learned !== undefined && learned !== conn.learnedRpm) || headerPauseMs > 0) await this.report(conn, ref, headerPauseMs, learned, false);
    }
    if (!pacing.paced) return;
    // calls: 0 = the permit went unused (the run was paused meanwhile): its request is given back to the day.
    const extraCalls = Math.max(-1, (outcome.calls ?? 1) - 1);
    const tpm = ref.limits.tpm;
    const tokenDelta = tpm !== undefined && outcome.usage ? (request.estimatedTokens ?? 0) - outcome.usage.inputTokens - outcome.usage.outputTokens : 0;
    if (tokenDelta === 0 && extraCalls === 0) return;
    await settleCall(this.db, {
      connectionId: conn.id, tokenDelta, extraCalls, extraMs: Math.max(0, extraCalls) * pacing.intervalMs,
      tokenCapacity: tpm !== undefined ? tokenBucket(tpm, this.options.windowMs).capacity : 0,
    });
  }

  private async report(conn: Connection, ref: LimitedRef, pauseMs: number, learned: number | undefined, rateLimited: boolean): Promise<void> {
    // Read and set before any await: the other 429s of the same burst are not "first".
    const recent = conn.recent.total(Date.now());
    const firstReport = rateLimited && !conn.reported;
    if (rateLimited) conn.reported = true;
    // In order, so that this process's first report is also the first to reach the database: a
    // later one arriving first would start the rate and the first one would then add to it again.
    const unlock = await conn.reportLock.lock();
    try {
      if (!conn.rowEnsured) {
        await ensureLimitState(this.db, conn.id);
        conn.rowEnsured = true;
      }
      const view = await reportLimits(this.db, {
        connectionId: conn.id, pauseMs, learnedRpm: learned ?? null, adapt: rateLimited && ref.limits.rpm === undefined,
        initialRpm: initialRpm(recent), contribution: recent * AIMD.startShare, firstReport, cooldownMs: cooldownMs(this.options.windowMs),
      });
      if (view) this.absorb(conn, view);
    } finally {
      unlock();
    }
  }
}
