// Crash recovery queries (part of the generation feature's queries): lease
// renewal for the items a live worker holds, and the items of active runs that
// nothing will deliver any more (their worker died, their job ended while the
// item was given back, a launch stopped half-way through enqueueing).
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";

/**
 * Pushes the leases of this worker's claimed items forward, in one statement
 * for all of them. Returns the ids it renewed: an item missing from the answer
 * is no longer this worker's (done, released, or reclaimed after a lapse).
 */
export async function renewLeases(db: PrismaClient, workerId: string, workItemIds: string[], leaseSeconds: number): Promise<string[]> {
  if (workItemIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE work_items SET lease_expires_at = now() + make_interval(secs => ${leaseSeconds}::int)
     WHERE id = ANY(${workItemIds}::uuid[]) AND status = 'running' AND claimed_by = ${workerId}
 RETURNING id`;
  return rows.map((row) => row.id);
}

/** Where the queue keeps its jobs: pg-boss's schema and the work-item queue's name. */
export type QueueTable = { schema: string; queue: string };

/**
 * Items of queued or running runs that should run but have no job waiting to
 * deliver them: pending ones, and running ones whose lease ran out. A job
 * carries its item's id as singleton key (indexed for waiting jobs), so each
 * check is an index probe. The pending side is only searched when there are
 * more pending items than waiting jobs, among those pending for a while; an
 * item whose job a worker fetched this instant may come back too, which is
 * harmless (claiming decides).
 */
export async function findUndeliveredItems(db: PrismaClient, table: QueueTable, options: { limit: number; settleSeconds: number }): Promise<string[]> {
  const jobs = Prisma.sql`${Prisma.raw(`"${table.schema.replace(/"/g, "")}"`)}.job`;
  const waitingJob = Prisma.sql`EXISTS (SELECT 1 FROM ${jobs} j WHERE j.name = ${table.queue} AND j.singleton_key = w.id::text AND j.state < 'active')`;
  // An item pending for less than settleSeconds may be one whose job is being enqueued right now (a launch).
  const settled = Prisma.sql`w.updated_at < now() - make_interval(secs => ${options.settleSeconds}::double precision)`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH active AS (SELECT id FROM runs WHERE status IN ('queued', 'running')),
    expired AS (
      SELECT w.id FROM active r JOIN work_items w ON w.run_id = r.id
       WHERE w.status = 'running' AND w.lease_expires_at < now() AND NOT ${waitingJob}
    ),
    pending AS (
      SELECT w.id FROM active r JOIN work_items w ON w.run_id = r.id
       WHERE w.status = 'pending' AND ${settled} AND NOT ${waitingJob}
         AND (SELECT count(*) FROM active r JOIN work_items w ON w.run_id = r.id WHERE w.status = 'pending' AND ${settled})
           > (SELECT count(*) FROM ${jobs} WHERE name = ${table.queue} AND state < 'active')
    )
    (SELECT id FROM expired) UNION ALL (SELECT id FROM pending LIMIT ${options.limit}::int)`;
  return rows.map((row) => row.id);
}

/** Runs being cancelled: a worker that died during the cancel leaves them to be finished by someone else. */
export async function findCancellingRunIds(db: PrismaClient): Promise<string[]> {
  const runs = await db.run.findMany({ where: { status: "cancelling" }, select: { id: true } });
  return runs.map((run) => run.id);
}
