import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmError } from "@/server/llm/errors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { AIMD } from "./aimd";
import { LATE_SHARE_OF_MARGIN, marginMs } from "./gcra";
import { createConnection, hammer, maxInWindow, startProcesses, stopProcesses, type FakeProcess } from "./test-helpers";
import { sleep } from "./wait";

// A 5 s window stands in for the minute: "rpm" below means calls per 5 s.
const WINDOW = 5_000;
/** Lateness of one start that the pacing margin absorbs without moving the schedule (gcra.ts). */
const JITTER_MS = marginMs(WINDOW) * LATE_SHARE_OF_MARGIN;

let database: TestDatabase;
let processes: FakeProcess[];

beforeAll(async () => {
  database = await createTestDatabase();
  processes = startProcesses(database.url, 3, { windowMs: WINDOW });
});

afterAll(async () => {
  await stopProcesses(processes ?? []);
  await database?.drop();
});

const stateOf = (connectionId: string) => database.db.rateLimitState.findUnique({ where: { connectionId } });

describe("shared limiter across processes", () => {
  it("three processes together never start more than rpm calls in any window", async () => {
    const ref = await createConnection(database.db, { rpm: 120 });
    const calls = await hammer(processes, ref, { callers: 4, durationMs: 2 * WINDOW });
    const starts = calls.map((call) => call.startedAt);
    expect(maxInWindow(starts, WINDOW)).toBeLessThanOrEqual(120);
    // More than one window's quota went through, from every process: pacing, not blocking.
    expect(calls.length).toBeGreaterThan(120);
    expect(new Set(calls.map((call) => call.process))).toEqual(new Set([0, 1, 2]));
  });

  it("TPM: estimated tokens in any window stay within the quota", async () => {
    const ref = await createConnection(database.db, { tpm: 3_000 });
    const calls = await hammer(processes, ref, { callers: 3, durationMs: 2 * WINDOW, estimatedTokens: 100 });
    expect(maxInWindow(calls.map((call) => call.startedAt), WINDOW) * 100).toBeLessThanOrEqual(3_000);
    expect(calls.length).toBeGreaterThan(30);
  });

  it("RPD: the call after the day's quota is refused with daily_limit, by any process", async () => {
    const ref = await createConnection(database.db, { rpd: 3 });
    // A permit given back unused (the run paused while it waited) does not count.
    await (await processes[2]!.limiter.acquire(ref)).release({ ok: true, calls: 0 });
    for (const index of [0, 1, 2]) await (await processes[index]!.limiter.acquire(ref)).release({ ok: true });
    const refused = await processes[0]!.limiter.acquire(ref).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LlmError);
    expect(refused).toMatchObject({ kind: "daily_limit", retryable: false });
    expect((refused as LlmError).message).toContain(ref.connectionName);
    expect((refused as LlmError).message).toMatch(/3 of 3 requests used today \(UTC\)\. It resets at 00:00 UTC, in \d+/);
    expect((await stateOf(ref.connectionId))?.dayCount).toBe(3);
  });

  it("nothing configured: no database row and no round trip per call until a 429", async () => {
    const ref = await createConnection(database.db, {});
    const calls = await hammer(processes, ref, { callers: 5, durationMs: 60_000, calls: 200 });
    expect(calls.length).toBeGreaterThanOrEqual(200);
    expect(await stateOf(ref.connectionId)).toBeNull();
  });

  it("a 429's retry-after pauses every process, and the connection turns adaptive for all", async () => {
    const ref = await createConnection(database.db, {});
    const permit = await processes[0]!.limiter.acquire(ref);
    await sleep(300); // let the others' views of the connection age past refreshMs
    const reportedAt = Date.now();
    await permit.release({ ok: false, rateLimited: true, retryAfterMs: 1_500 });
    const state = await stateOf(ref.connectionId);
    expect(state?.adaptiveRpm).toBe(AIMD.minStartRpm);
    await sleep(1_100); // > refreshMs: the other processes re-read the shared state
    const second = await processes[1]!.limiter.acquire(ref);
    const secondAt = Date.now();
    const third = await processes[2]!.limiter.acquire(ref);
    const thirdAt = Date.now();
    expect(secondAt).toBeGreaterThanOrEqual(reportedAt + 1_500 - 5);
    // Adaptive pacing now spaces starts by the window over the adaptive rate.
    expect(thirdAt - secondAt).toBeGreaterThanOrEqual(WINDOW / AIMD.minStartRpm - JITTER_MS);
    await Promise.all([second.release({ ok: true }), third.release({ ok: true })]);
  });

  it("x-ratelimit headers teach a limit that paces like a configured one", async () => {
    const ref = await createConnection(database.db, {});
    const permit = await processes[0]!.limiter.acquire(ref);
    await permit.release({ ok: true, headers: { "x-ratelimit-limit-requests": "30", "x-ratelimit-remaining-requests": "29", "x-ratelimit-reset-requests": "160ms" } });
    expect((await stateOf(ref.connectionId))?.learnedRpm).toBe(30);
    await sleep(1_100);
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = await processes[1 + (i % 2)]!.limiter.acquire(ref);
      starts.push(Date.now());
      await next.release({ ok: true });
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(WINDOW / 30 - JITTER_MS);
  });

  it("a burst of 429s from several processes is one congestion event; the next one after the cooldown cuts the rate", async () => {
    const ref = await createConnection(database.db, {});
    const permits = await Promise.all(processes.flatMap((process) => [process.limiter.acquire(ref), process.limiter.acquire(ref)]));
    await Promise.all(permits.map((permit) => permit.release({ ok: false, rateLimited: true, retryAfterMs: 10 })));
    const started = await stateOf(ref.connectionId);
    // The first report starts the rate; the two other processes' first reports add their one other call
    // in the window; the second 429 of each process changes nothing.
    expect(started?.adaptiveRpm).toBeCloseTo(AIMD.minStartRpm + 2 * AIMD.startShare, 5);
    await sleep(WINDOW * AIMD.cooldownShare + 50);
    const late = await processes[0]!.limiter.acquire(ref);
    await late.release({ ok: false, rateLimited: true, retryAfterMs: 10 });
    expect((await stateOf(ref.connectionId))?.adaptiveRpm).toBeCloseTo(started!.adaptiveRpm! * AIMD.decrease, 5);
  });
});
