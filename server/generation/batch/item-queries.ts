// Settling the items of a provider batch (part of the generation feature's
// queries). A valid answer is claimed like an online delivery (status running,
// this poller's lease) and committed through the online commit path, so the
// same exactly-once rules hold: a second poll, or a poller killed between
// download and commit, finds the item claimed or done. Everything else goes
// straight from 'batched' to 'pending', i.e. back to online calls.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { ATTEMPTS_PER_EXECUTION } from "../step-caller";

export type ClaimedBatchItem = { id: string; runId: string; datasetId: string; payload: unknown; attempts: number };

// The online engine numbers an execution's attempts (execution − 1) × ATTEMPTS_PER_EXECUTION + 1,
// 2… (step-caller.ts); a batch answer is its execution's first attempt, so the online attempts
// that may follow keep their own numbers.

/** Those of `ids` the batch still carries (an answer for anything else was stored or sent back already). */
export function findCarriedItems(db: PrismaClient, batchId: string, ids: string[]) {
  return db.workItem.findMany({ where: { id: { in: ids }, batchId, status: "batched" }, select: { id: true, payload: true } });
}

export async function claimBatchItems(db: PrismaClient, input: { batchId: string; ids: string[]; workerId: string; leaseSeconds: number }): Promise<ClaimedBatchItem[]> {
  if (input.ids.length === 0) return [];
  return db.$queryRaw<ClaimedBatchItem[]>`
    UPDATE work_items w
       SET status = 'running', attempts = w.attempts + 1, claimed_by = ${input.workerId},
           lease_expires_at = now() + make_interval(secs => ${input.leaseSeconds}::int), updated_at = now()
      FROM runs r
     WHERE w.id = ANY(${input.ids}::uuid[]) AND w.batch_id = ${input.batchId}::uuid AND w.status = 'batched' AND r.id = w.run_id
 RETURNING w.id, w.run_id AS "runId", r.dataset_id AS "datasetId", w.payload, w.attempts`;
}

/** The attempt number a batch answer gets in the item's history. */
export function batchAttemptNumber(attempts: number): number {
  return (attempts - 1) * ATTEMPTS_PER_EXECUTION + 1;
}

export type Fallback = {
  id: string;
  reason: string;
  /** The provider answered it (an invalid answer or an error): a call for the model's statistics. */
  answered: boolean;
};

/**
 * Sends items of the batch back to online calls (pending), with the reason as
 * a failed attempt, and counts answered ones as calls of the model. Their
 * tokens are not added: a run's totals stay the sum over its rows. Returns
 * the ids moved; one already settled (or cancelled) is left alone.
 */
export async function fallBackToOnline(db: PrismaClient, input: { batchId: string; model: string; items: Fallback[] }): Promise<string[]> {
  if (input.items.length === 0) return [];
  const items = JSON.stringify(input.items);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH input AS (SELECT * FROM jsonb_to_recordset(${items}::jsonb) AS i(id uuid, reason text, answered boolean)),
    moved AS (
      UPDATE work_items w
         SET status = 'pending', attempts = w.attempts + 1, last_error = i.reason, error_kind = 'batch', claimed_by = NULL, lease_expires_at = NULL, updated_at = now()
        FROM input i
       WHERE w.id = i.id AND w.batch_id = ${input.batchId}::uuid AND w.status = 'batched'
   RETURNING w.id, w.run_id, w.attempts, i.reason, i.answered
    ), attempts AS (
      INSERT INTO item_attempts (id, work_item_id, number, model, outcome, error_kind, message, repairs, latency_ms, started_at, finished_at)
      SELECT gen_random_uuid(), id, (attempts - 1) * ${ATTEMPTS_PER_EXECUTION}::int + 1, ${input.model}, 'error', 'batch', reason, 0, 0, now(), now() FROM moved
      ON CONFLICT (work_item_id, number) DO NOTHING
    ), stats AS (
      INSERT INTO run_model_stats AS s (run_id, model, calls)
      SELECT run_id, ${input.model}, count(*) FROM moved WHERE answered GROUP BY run_id
      ON CONFLICT (run_id, model) DO UPDATE SET calls = s.calls + EXCLUDED.calls
    )
    SELECT id FROM moved`;
  return rows.map((row) => row.id);
}
