// Committing a work item (part of the generation feature's queries). One
// statement per commit: the item's status, its rows, its attempts, the
// per-model statistics and the run's counters (and its end or budget pause)
// are data-modifying CTEs of a single autocommit statement, so the run row -
// which every commit of the run updates - stays locked only while Postgres
// executes that statement, never across client round trips.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import { finishCancellingRun } from "./lifecycle-queries";

export type RowInsert = {
  datasetId: string; runId: string; workItemId: string; index: number; data: Prisma.InputJsonValue; text: string; labels: string[];
  language: string; model: string; connectionId: string | null; prompt: string; variables: Prisma.InputJsonValue; parameters: Prisma.InputJsonValue;
  inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number; latencyMs: number;
};

/** One item's calls, for the per-run, per-model statistics. */
export type ModelCallStats = { model: string; calls: number; firstTryValid: number; repaired: number; failed: number; inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number };

export type AttemptRecord = { number: number; outcome: string; errorKind?: string; message?: string; repairs: number; latencyMs: number; startedAt: Date };

type CommitResult = { owned: boolean; status: string | null };

/** Marks the item done with its rows. Returns false when this worker no longer owns the item. */
export async function commitItemSuccess(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; rows: RowInsert[]; attempts: AttemptRecord[]; inputTokens: number; outputTokens: number; reasoningTokens?: number; costUsd: number; stats?: ModelCallStats }): Promise<boolean> {
  const cost = Prisma.sql`${input.costUsd}::double precision`;
  // The end wins over a budget pause (a run whose last item passes the budget completes).
  const done = Prisma.sql`(status IN ('queued', 'running', 'paused') AND succeeded_items + 1 + failed_items >= planned_items)`;
  const overBudget = Prisma.sql`(status IN ('queued', 'running') AND budget_usd IS NOT NULL AND cost_usd + ${cost} >= budget_usd)`;
  const [result] = await db.$queryRaw<CommitResult[]>`
    WITH owned AS (
      UPDATE work_items SET status = 'succeeded', finished_at = now(), lease_expires_at = NULL, last_error = NULL, error_kind = NULL, updated_at = now()
       WHERE id = ${input.workItemId}::uuid AND status = 'running' AND claimed_by = ${input.workerId}
   RETURNING id
    ), inserted AS (
      INSERT INTO rows (id, dataset_id, run_id, work_item_id, index, data, text, labels, language, model, connection_id, prompt, variables, parameters,
                        input_tokens, output_tokens, reasoning_tokens, cost_usd, latency_ms)
      SELECT gen_random_uuid(), r.dataset_id, ${input.runId}::uuid, owned.id, r.index, r.data, r.text, r.labels, r.language, r.model, r.connection_id, r.prompt,
             r.variables, r.parameters, r.input_tokens, r.output_tokens, r.reasoning_tokens, r.cost_usd, r.latency_ms
        FROM owned, jsonb_to_recordset(${rowsJson(input.rows)}::jsonb) AS r(dataset_id uuid, index int, data jsonb, text text, labels text[], language text,
             model text, connection_id uuid, prompt text, variables jsonb, parameters jsonb, input_tokens int, output_tokens int, reasoning_tokens int,
             cost_usd double precision, latency_ms int)
      ON CONFLICT (work_item_id, index) DO NOTHING
   RETURNING 1
    ), ${attemptsCte(input.workItemId, input.attempts)}, ${statsCte(input.runId, input.stats)},
    counted AS (
      UPDATE runs SET succeeded_items = succeeded_items + 1, succeeded_rows = succeeded_rows + (SELECT count(*) FROM inserted)::int,
             input_tokens = input_tokens + ${input.inputTokens}::int, output_tokens = output_tokens + ${input.outputTokens}::int,
             reasoning_tokens = reasoning_tokens + ${input.reasoningTokens ?? 0}::int, cost_usd = cost_usd + ${cost},
             status = CASE WHEN ${done} THEN (CASE WHEN failed_items > 0 THEN 'failed' ELSE 'completed' END)::run_status
                           WHEN ${overBudget} THEN 'paused'::run_status ELSE status END,
             finished_at = CASE WHEN ${done} THEN now() ELSE finished_at END,
             paused_reason = CASE WHEN NOT ${done} AND ${overBudget}
                                  THEN 'Budget reached: $' || to_char(cost_usd + ${cost}, 'FM999999990.0000') || ' spent of the $' || to_char(budget_usd, 'FM999999990.00') || ' budget. Raise the budget to resume.'
                                  ELSE paused_reason END,
             updated_at = now()
       WHERE id = ${input.runId}::uuid AND EXISTS (SELECT 1 FROM owned)
   RETURNING status::text AS status
    )
    SELECT EXISTS (SELECT 1 FROM owned) AS owned, (SELECT status FROM counted) AS status`;
  return settle(db, input.runId, result);
}

export async function commitItemFailure(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; expectedRows: number; errorKind: string; message: string; attempts: AttemptRecord[]; stats?: ModelCallStats }): Promise<boolean> {
  const done = Prisma.sql`(status IN ('queued', 'running', 'paused') AND succeeded_items + failed_items + 1 >= planned_items)`;
  const [result] = await db.$queryRaw<CommitResult[]>`
    WITH owned AS (
      UPDATE work_items SET status = 'failed', finished_at = now(), lease_expires_at = NULL, last_error = ${input.message}, error_kind = ${input.errorKind}, updated_at = now()
       WHERE id = ${input.workItemId}::uuid AND status = 'running' AND claimed_by = ${input.workerId}
   RETURNING id
    ), ${attemptsCte(input.workItemId, input.attempts)}, ${statsCte(input.runId, input.stats)},
    counted AS (
      UPDATE runs SET failed_items = failed_items + 1, failed_rows = failed_rows + ${input.expectedRows}::int,
             status = CASE WHEN ${done} THEN 'failed'::run_status ELSE status END,
             finished_at = CASE WHEN ${done} THEN now() ELSE finished_at END,
             updated_at = now()
       WHERE id = ${input.runId}::uuid AND EXISTS (SELECT 1 FROM owned)
   RETURNING status::text AS status
    )
    SELECT EXISTS (SELECT 1 FROM owned) AS owned, (SELECT status FROM counted) AS status`;
  return settle(db, input.runId, result);
}

/**
 * A cancelling run ends when its last item in flight commits. That check must
 * see every other commit, which one statement's snapshot does not: so it runs
 * after this one, under the run row's lock (as the lifecycle's lock order asks).
 */
async function settle(db: PrismaClient, runId: string, result: CommitResult | undefined): Promise<boolean> {
  if (!result?.owned) return false;
  if (result.status === "cancelling") {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM runs WHERE id = ${runId}::uuid FOR UPDATE`;
      await finishCancellingRun(tx, runId);
    });
  }
  return true;
}

function rowsJson(rows: RowInsert[]): string {
  return JSON.stringify(rows.map((row) => ({
    dataset_id: row.datasetId, index: row.index, data: row.data, text: row.text, labels: row.labels, language: row.language, model: row.model,
    connection_id: row.connectionId, prompt: row.prompt, variables: row.variables, parameters: row.parameters, input_tokens: row.inputTokens,
    output_tokens: row.outputTokens, reasoning_tokens: row.reasoningTokens, cost_usd: row.costUsd, latency_ms: Math.round(row.latencyMs),
  })));
}

// Timestamps travel as UTC ISO strings into `timestamp` columns, which keep the wall time: UTC, as Prisma stores them.
const utc = (date: Date) => date.toISOString().replace("Z", "");

function attemptsCte(workItemId: string, attempts: AttemptRecord[]) {
  const json = JSON.stringify(attempts.map((attempt) => ({
    number: attempt.number, outcome: attempt.outcome, error_kind: attempt.errorKind ?? null, message: attempt.message ?? null, repairs: attempt.repairs,
    latency_ms: Math.round(attempt.latencyMs), started_at: utc(attempt.startedAt), finished_at: utc(new Date(attempt.startedAt.getTime() + attempt.latencyMs)),
  })));
  return Prisma.sql`attempts AS (
      INSERT INTO item_attempts (id, work_item_id, number, outcome, error_kind, message, repairs, latency_ms, started_at, finished_at)
      SELECT gen_random_uuid(), ${workItemId}::uuid, a.number, a.outcome, a.error_kind, a.message, a.repairs, a.latency_ms, a.started_at, a.finished_at
        FROM owned, jsonb_to_recordset(${json}::jsonb) AS a(number int, outcome text, error_kind text, message text, repairs int, latency_ms int, started_at timestamp, finished_at timestamp)
      ON CONFLICT (work_item_id, number) DO NOTHING
    )`;
}

function statsCte(runId: string, stats: ModelCallStats | undefined) {
  if (!stats) return Prisma.sql`stats AS (SELECT 1)`;
  return Prisma.sql`stats AS (
      INSERT INTO run_model_stats AS s (run_id, model, calls, first_try_valid, repaired, failed, input_tokens, output_tokens, reasoning_tokens, cost_usd)
      SELECT ${runId}::uuid, ${stats.model}, ${stats.calls}::int, ${stats.firstTryValid}::int, ${stats.repaired}::int, ${stats.failed}::int, ${stats.inputTokens}::int,
             ${stats.outputTokens}::int, ${stats.reasoningTokens}::int, ${stats.costUsd}::double precision
        FROM owned
      ON CONFLICT (run_id, model) DO UPDATE SET calls = s.calls + EXCLUDED.calls, first_try_valid = s.first_try_valid + EXCLUDED.first_try_valid,
        repaired = s.repaired + EXCLUDED.repaired, failed = s.failed + EXCLUDED.failed, input_tokens = s.input_tokens + EXCLUDED.input_tokens,
        output_tokens = s.output_tokens + EXCLUDED.output_tokens, reasoning_tokens = s.reasoning_tokens + EXCLUDED.reasoning_tokens, cost_usd = s.cost_usd + EXCLUDED.cost_usd
    )`;
}
