// Prisma access for pausing, cancelling and retrying runs (part of the
// generation feature's queries). Lock order, to stay free of deadlocks with
// item commits (item → run): whoever changes a run's status here locks the run
// row first and then only touches items nobody else holds (SKIP LOCKED), or
// items whose holders never wait on the run row (claims).
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** queued|running → paused. False when the run was in another status. */
export async function pauseActiveRun(db: PrismaClient, runId: string, reason: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE runs SET status = 'paused', paused_reason = ${reason}, updated_at = now()
     WHERE id = ${runId}::uuid AND status IN ('queued', 'running')`;
  return updated > 0;
}

/**
 * queued|running|paused|cancelling → cancelling, cancels every item not in
 * flight, and → cancelled at once when nothing is in flight. Returns the
 * run's new status, or undefined when it could not be cancelled.
 */
export async function cancelActiveRun(db: PrismaClient, runId: string): Promise<"cancelling" | "cancelled" | undefined> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$executeRaw`
      UPDATE runs SET status = 'cancelling', paused_reason = NULL, updated_at = now()
       WHERE id = ${runId}::uuid AND status IN ('queued', 'running', 'paused', 'cancelling')`;
    if (locked === 0) return undefined;
    // Items whose lease ran out belong to a worker that is gone: nobody will
    // commit or release them. Locked ones are being committed right now, and
    // that commit settles the run.
    await tx.$executeRaw`
      UPDATE work_items SET status = 'cancelled', claimed_by = NULL, lease_expires_at = NULL, finished_at = now(), updated_at = now()
       WHERE id IN (SELECT id FROM work_items WHERE run_id = ${runId}::uuid AND status = 'running' AND lease_expires_at < now() FOR UPDATE SKIP LOCKED)`;
    return (await finishCancellingRun(tx, runId)) ? "cancelled" : "cancelling";
  });
}

/**
 * On a cancelling run: cancels the pending items (and those waiting in or for a
 * provider batch: the batch's poll asks the provider to cancel it) and ends the
 * run once no item is in flight. The caller must hold the run row's lock (it has updated the
 * run in its transaction), so that of two last items committing at once the
 * second one sees the first and ends the run. A no-op for any other status.
 */
export async function finishCancellingRun(tx: Prisma.TransactionClient, runId: string): Promise<boolean> {
  await tx.$executeRaw`
    UPDATE work_items w SET status = 'cancelled', finished_at = now(), updated_at = now()
      FROM runs r
     WHERE r.id = ${runId}::uuid AND r.status = 'cancelling' AND w.run_id = r.id AND w.status IN ('pending', 'batched')`;
  const ended = await tx.$executeRaw`
    UPDATE runs SET status = 'cancelled', finished_at = now(), updated_at = now()
     WHERE id = ${runId}::uuid AND status = 'cancelling'
       AND NOT EXISTS (SELECT 1 FROM work_items WHERE run_id = ${runId}::uuid AND status IN ('pending', 'running'))`;
  return ended > 0;
}

/**
 * Gives a claimed item back (shutdown mid-call, or its run stopped accepting
 * work). On a cancelling run the item is cancelled instead of going back to
 * pending, and the run ends when it was the last one in flight. True when the
 * item is pending again on a run that accepts work: nobody else will deliver it.
 */
export async function releaseClaimedItem(db: PrismaClient, workItemId: string, workerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // The run row first (see the lock order above), then the item. Resume locks the same row
    // to mark the run running before it lists the pending items, so either it lists this
    // item, or this release sees the run running (and the caller delivers the item).
    const [run] = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT r.id, r.status::text AS status FROM runs r JOIN work_items w ON w.run_id = r.id
       WHERE w.id = ${workItemId}::uuid FOR UPDATE OF r`;
    if (!run) return false;
    const stopping = run.status === "cancelling" || run.status === "cancelled";
    const released = await tx.workItem.updateMany({
      where: { id: workItemId, status: "running", claimedBy: workerId },
      data: stopping ? { status: "cancelled", claimedBy: null, leaseExpiresAt: null, finishedAt: new Date() } : { status: "pending", claimedBy: null, leaseExpiresAt: null },
    });
    if (released.count > 0 && run.status === "cancelling") await finishCancellingRun(tx, run.id);
    return released.count > 0 && (run.status === "queued" || run.status === "running");
  });
}

/**
 * failed → running with its failed items back to pending (their attempts and
 * last error stay until the next attempt) and the failure counters lowered.
 * Returns the ids to deliver, or undefined when the run is no longer failed.
 */
export async function reopenFailedItems(db: PrismaClient, runId: string): Promise<string[] | undefined> {
  return db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM runs WHERE id = ${runId}::uuid FOR UPDATE`;
    if (run?.status !== "failed") return undefined;
    const items = await tx.$queryRaw<{ id: string; ordinal: number; expectedRows: number }[]>`
      UPDATE work_items SET status = 'pending', claimed_by = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = now()
       WHERE run_id = ${runId}::uuid AND status = 'failed'
   RETURNING id, ordinal, expected_rows AS "expectedRows"`;
    if (items.length === 0) return [];
    const rows = items.reduce((sum, item) => sum + item.expectedRows, 0);
    await tx.$executeRaw`
      UPDATE runs SET status = 'running', failed_items = greatest(0, failed_items - ${items.length}), failed_rows = greatest(0, failed_rows - ${rows}),
             finished_at = NULL, error = NULL, updated_at = now()
       WHERE id = ${runId}::uuid`;
    return items.sort((a, b) => a.ordinal - b.ordinal).map((item) => item.id);
  });
}

/** Items cancelled so far and the rows they would have made. */
async function countCancelledRows(db: Db, runId: string): Promise<{ items: number; rows: number }> {
  const [counts] = await db.$queryRaw<{ items: number; rows: number }[]>`
    SELECT count(*)::int AS items, coalesce(sum(expected_rows), 0)::int AS rows
      FROM work_items WHERE run_id = ${runId}::uuid AND status = 'cancelled'`;
  return counts ?? { items: 0, rows: 0 };
}

type RunCounters = { id: string; status: string; plannedItems: number; plannedRows: number; succeededItems: number; failedItems: number; succeededRows: number; failedRows: number };

/**
 * Items and rows a cancel left out. Once cancelled, every planned item is
 * succeeded, failed or cancelled, so the counters give it; while cancelling,
 * count the items cancelled so far.
 */
export async function cancelledCounts(db: Db, run: RunCounters): Promise<{ cancelledItems: number; cancelledRows: number }> {
  if (run.status === "cancelled") {
    return { cancelledItems: Math.max(0, run.plannedItems - run.succeededItems - run.failedItems), cancelledRows: Math.max(0, run.plannedRows - run.succeededRows - run.failedRows) };
  }
  if (run.status !== "cancelling") return { cancelledItems: 0, cancelledRows: 0 };
  const counts = await countCancelledRows(db, run.id);
  return { cancelledItems: counts.items, cancelledRows: counts.rows };
}
