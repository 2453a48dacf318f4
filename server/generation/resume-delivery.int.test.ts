// Resume must deliver every item pausing gave back at once, never only through
// the recovery sweep. The worker's lease here is an hour, so its sweep never
// runs during these tests: whatever delivers an item comes from resume or the
// worker itself. The races are forced with row locks, not timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { createDb, type Db } from "@/server/db";
import { createBoss, QUEUE_SCHEMA, WORK_ITEM_QUEUE } from "@/server/jobs/queue";
import { supportIntentsDesign } from "@/server/testing/designs";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { expectEveryRowExactlyOnce, pollUntil } from "@/server/testing/run-checks";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import { resumeRun } from "./service";

let engine: TestEngine;
let caller: ReturnType<typeof createCaller>;
/** A second client: its transaction holds a lock while the worker's pool stays free. */
let other: Db;

beforeAll(async () => {
  engine = await startTestEngine({}, { leaseSeconds: 3600 });
  caller = createCaller(contextAs("owner", { db: engine.db, queue: engine.queue }));
  other = createDb(engine.url);
});

afterAll(async () => {
  await other?.$disconnect();
  await engine?.close();
});

const jobs = `"${QUEUE_SCHEMA}".job`;

/**
 * Pending items of a run that accepts work and that no job will deliver: none waiting
 * (created/retry) and none fetched by a worker that has yet to claim (active).
 */
async function undeliverable(runId: string): Promise<string[]> {
  const rows = await engine.db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT w.id FROM work_items w JOIN runs r ON r.id = w.run_id
      WHERE w.run_id = $1::uuid AND r.status IN ('queued', 'running') AND w.status = 'pending'
        AND NOT EXISTS (SELECT 1 FROM ${jobs} j WHERE j.name = $2 AND j.singleton_key = w.id::text AND j.state IN ('created', 'retry', 'active'))`,
    runId, WORK_ITEM_QUEUE);
  return rows.map((row) => row.id);
}

/** Worker transactions waiting for a run row's lock to give an item back (releaseClaimedItem). */
async function blockedReleases(): Promise<number> {
  const [row] = await engine.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF r%'`;
  return row!.n;
}

const itemsWith = (runId: string, status: "pending" | "running") => engine.db.workItem.findMany({ where: { runId, status }, select: { id: true } });

describe("resume after pause", () => {
  it("an item given back after resume read the run's items is delivered again by the worker, not left to the sweep", async () => {
    // 30 calls a minute: after the first call each claimed item waits for its limiter slot.
    const base = supportIntentsDesign(engine.mock.url);
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, {
      name: "resume-race", samplesPerPrompt: 1, variables: { tone: ["angry", "polite", "neutral"] }, models: [{ ...base.models![0]!, limits: { rpm: 30, concurrency: 8 } }],
    }));
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    // Every item claimed (no job left to claim one later), at least two waiting for the limiter (one may be in its call).
    await pollUntil(async () => (await itemsWith(runId, "pending")).length === 0 && (await itemsWith(runId, "running")).length >= 3, { what: "items waiting for the limiter", timeoutMs: 30_000 });

    const outcome = await other.$transaction(async (tx) => {
      // KEY SHARE lets the pause through but holds back what locks the run row FOR UPDATE:
      // the releases the pause causes (and the commit of a call that was in flight).
      await tx.$executeRaw`SELECT 1 FROM runs WHERE id = ${runId}::uuid FOR KEY SHARE`;
      await caller.runs.pause({ runId });
      // The worker saw the pause and gives back its waiting items, each blocked on the run row.
      const blocked = await pollUntil(async () => {
        const count = await blockedReleases();
        return count >= 2 ? count : undefined;
      }, { what: "the worker to give back its waiting items", timeoutMs: 30_000 });
      // The real resume, inside this transaction (so after the pause and before those releases
      // commit): it sees the items still running and enqueues none of them.
      const resumed = await resumeRun(tx as unknown as Db, engine.queue, runId);
      return { blocked, resumed };
    }, { timeout: 60_000 });
    expect(outcome.resumed.requeued).toBe(0);

    // The releases commit on a running run. Each released item must get a job at once.
    await pollUntil(async () => (await blockedReleases()) === 0, { what: "the releases to commit", timeoutMs: 30_000 });
    let stranded: string[] = [];
    await pollUntil(async () => (stranded = await undeliverable(runId)).length === 0, { what: "every pending item to have a job", timeoutMs: 10_000 }).catch(() => undefined);
    expect(stranded, "pending items of a running run with no job to deliver them").toEqual([]);

    await waitForRun(engine, runId, 60_000);
    await expectEveryRowExactlyOnce(engine.db, runId);
    // The items given back were claimed before the pause and once more after the resume.
    const again = await engine.db.workItem.count({ where: { runId, attempts: 2 } });
    expect(again).toBeGreaterThanOrEqual(outcome.blocked);
  }, 120_000);

  it("a job sent for an item whose previous job is still active is not dropped (the work-item queue has no singleton policy)", async () => {
    const boss = createBoss(engine.url);
    boss.on("error", () => undefined);
    await boss.start();
    try {
      const workItemId = crypto.randomUUID();
      // Delayed, so no worker fetches it before it is made active by hand.
      const first = await boss.send(WORK_ITEM_QUEUE, { workItemId }, { singletonKey: workItemId, startAfter: 3600 });
      expect(first).not.toBeNull();
      await engine.db.$executeRawUnsafe(`UPDATE ${jobs} SET state = 'active', started_on = now() WHERE name = $1 AND id = $2::uuid`, WORK_ITEM_QUEUE, first);
      expect(await boss.send(WORK_ITEM_QUEUE, { workItemId }, { singletonKey: workItemId })).not.toBeNull();
      await engine.queue.enqueue([workItemId]);
      const states = await engine.db.$queryRawUnsafe<{ id: string; state: string }[]>(`SELECT id, state::text AS state FROM ${jobs} WHERE name = $1 AND singleton_key = $2`, WORK_ITEM_QUEUE, workItemId);
      expect(states).toHaveLength(3);
      expect(states.find((job) => job.id === first)?.state).toBe("active");
      expect((await boss.getQueue(WORK_ITEM_QUEUE))?.policy).toBe("standard");
    } finally {
      await boss.stop({ graceful: false, timeout: 1000 });
    }
  });
});
