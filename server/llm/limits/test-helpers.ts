// Shared by the limiter's integration tests: several limiter instances, each with
// its own Prisma client and pool, stand in for worker processes.
import { randomUUID } from "node:crypto";
import { createDb } from "@/server/db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ModelLimits } from "@/lib/designs/model-schema";
import { CallLimiter } from "./shared";
import type { LimitedRef, LimiterOptions, Permit } from "./types";
import { sleep } from "./wait";

export type FakeProcess = { db: PrismaClient; limiter: CallLimiter };

export function startProcesses(url: string, count: number, options: LimiterOptions): FakeProcess[] {
  return Array.from({ length: count }, () => {
    const db = createDb(url);
    return { db, limiter: new CallLimiter(db, options) };
  });
}

export async function stopProcesses(processes: FakeProcess[]): Promise<void> {
  for (const process of processes) {
    process.limiter.abandon();
    await process.db.$disconnect();
  }
}

export async function createConnection(db: PrismaClient, limits: ModelLimits): Promise<LimitedRef> {
  const name = `test-${randomUUID().slice(0, 8)}`;
  const row = await db.providerConnection.create({ data: { name, kind: "openai_compatible", baseUrl: "http://127.0.0.1:1/v1", implicit: true }, select: { id: true } });
  return { connectionId: row.id, connectionName: name, limits };
}

export type CallRecord = { process: number; startedAt: number; endedAt: number };

/**
 * Every process runs `callers` loops of acquire → hold → release until `calls`
 * calls have started or `durationMs` has passed. Returns each call's start and end.
 */
export async function hammer(processes: FakeProcess[], ref: LimitedRef, input: { callers: number; durationMs: number; calls?: number; holdMs?: () => number; estimatedTokens?: number; onStart?: () => void; onEnd?: () => void }): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new Error("time is up")), input.durationMs);
  const loop = async (index: number) => {
    while (!stop.signal.aborted && records.length < (input.calls ?? Infinity)) {
      let permit: Permit;
      try {
        permit = await processes[index]!.limiter.acquire(ref, { estimatedTokens: input.estimatedTokens }, stop.signal);
      } catch (error) {
        if (stop.signal.aborted) return;
        throw error;
      }
      const record = { process: index, startedAt: Date.now(), endedAt: 0 };
      records.push(record);
      input.onStart?.();
      await sleep(input.holdMs?.() ?? 0);
      record.endedAt = Date.now();
      input.onEnd?.();
      await permit.release({ ok: true });
    }
  };
  await Promise.all(processes.flatMap((_, index) => Array.from({ length: input.callers }, () => loop(index))));
  clearTimeout(timer);
  stop.abort();
  return records;
}

/** The most starts that fall in any window [t, t + windowMs). */
export function maxInWindow(starts: number[], windowMs: number, weights?: number[]): number {
  const order = starts.map((start, index) => ({ start, weight: weights?.[index] ?? 1 })).sort((a, b) => a.start - b.start);
  let max = 0;
  let sum = 0;
  for (let i = 0, j = 0; i < order.length; i++) {
    sum += order[i]!.weight;
    while (order[i]!.start - order[j]!.start >= windowMs) sum -= order[j++]!.weight;
    max = Math.max(max, sum);
  }
  return max;
}
