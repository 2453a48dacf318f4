import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createConnection, hammer, startProcesses, stopProcesses, type FakeProcess } from "./test-helpers";
import { sleep } from "./wait";

const LEASE_MS = 600;

let database: TestDatabase;
let processes: FakeProcess[];

beforeAll(async () => {
  database = await createTestDatabase();
  processes = startProcesses(database.url, 3, { windowMs: 5_000, leaseMs: LEASE_MS });
});

afterAll(async () => {
  await stopProcesses(processes ?? []);
  await database?.drop();
});

const holders = async (connectionId: string) =>
  (await database.db.connectionSlot.findMany({ where: { connectionId, holder: { not: null } }, select: { holder: true } })).map((slot) => slot.holder);

describe("concurrency slots across processes", () => {
  it("concurrency 2: never more than 2 calls in flight across three processes, and 2 are reached", async () => {
    const ref = await createConnection(database.db, { concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    const calls = await hammer(processes, ref, {
      callers: 3, durationMs: 60_000, calls: 60,
      holdMs: () => 20 + Math.random() * 30,
      onStart: () => (peak = Math.max(peak, ++inFlight)),
      onEnd: () => inFlight--,
    });
    expect(calls.length).toBeGreaterThanOrEqual(60);
    expect(peak).toBe(2);
    // The same from the recorded times (a sweep over starts and ends; an end at the same ms comes first).
    const events = calls.flatMap((call) => [[call.startedAt, 1], [call.endedAt, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let overlap = 0;
    let maxOverlap = 0;
    for (const [, delta] of events) maxOverlap = Math.max(maxOverlap, (overlap += delta));
    expect(maxOverlap).toBeLessThanOrEqual(2);
    expect(await holders(ref.connectionId)).toEqual([]);
  });

  it("a crashed process's slot comes back when its lease expires, not before", async () => {
    const ref = await createConnection(database.db, { concurrency: 1 });
    const [alive, waiting] = [processes[0]!, processes[1]!];
    const first = await alive.limiter.acquire(ref);
    let second: Awaited<ReturnType<typeof alive.limiter.acquire>> | undefined;
    const pending = waiting.limiter.acquire(ref).then((permit) => (second = permit));
    // The holder renews its lease: several lease lengths later the slot is still taken.
    await sleep(LEASE_MS * 3);
    expect(second).toBeUndefined();
    const [deadHolder] = await holders(ref.connectionId);
    alive.limiter.abandon(); // as if killed: no more renewals, no release
    await pending;
    expect(second).toBeDefined();
    const [newHolder] = await holders(ref.connectionId);
    expect(newHolder).not.toBe(deadHolder);
    // The dead process's late release must not free the slot it lost.
    await first.release({ ok: true });
    expect(await holders(ref.connectionId)).toEqual([newHolder]);
    await second!.release({ ok: true });
    expect(await holders(ref.connectionId)).toEqual([]);
  });

  it("an aborted wait gives up its place without taking a slot", async () => {
    const ref = await createConnection(database.db, { concurrency: 1 });
    const held = await processes[2]!.limiter.acquire(ref);
    const abort = new AbortController();
    const waiting = processes[2]!.limiter.acquire(ref, {}, abort.signal).catch((error: Error) => error);
    await sleep(50);
    abort.abort(new Error("run cancelled"));
    expect(await waiting).toMatchObject({ message: "run cancelled" });
    await held.release({ ok: true });
    const next = await processes[1]!.limiter.acquire(ref);
    await next.release({ ok: true });
    expect(await holders(ref.connectionId)).toEqual([]);
  });
});
