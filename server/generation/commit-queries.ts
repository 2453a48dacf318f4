// Committing work items (part of the generation feature's queries). An item's
// status, its rows, its attempts, the per-model statistics and its run's
// counters (and the run's end or budget pause) are data-modifying CTEs of one
// autocommit statement: all or nothing, and the run row - which every commit
// updates - stays locked only while Postgres runs that statement, never across
// client round trips. Commits that arrive together share a statement (batcher.ts).
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { poolOf } from "@/server/db";
import { Batcher, batcherFor } from "./batcher";
import { finishCancellingRun } from "./lifecycle-queries";

export type RowInsert = {
  datasetId: string; runId: string; workItemId: string; index: number; data: Prisma.InputJsonValue; text: string; labels: string[];
  language: string; model: string; connectionId: string | null; prompt: string; variables: Prisma.InputJsonValue; parameters: Prisma.InputJsonValue;
  inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number; latencyMs: number;
  /** A regeneration's row: the row it replaces (the same for every row of the item). */
  replacesRowId?: string;
};

/** One item's calls, for the per-run, per-model statistics. */
export type ModelCallStats = { model: string; calls: number; firstTryValid: number; repaired: number; failed: number; inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number };

export type AttemptRecord = { number: number; outcome: string; errorKind?: string; message?: string; repairs: number; latencyMs: number; startedAt: Date; step?: string; model?: string };

type Commit = {
  workItemId: string; runId: string; workerId: string; status: "succeeded" | "failed"; attempts: AttemptRecord[]; stats?: ModelCallStats[];
  rows: RowInsert[]; expectedRows: number; lastError: string | null; errorKind: string | null;
  inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number;
};

/** Marks the item done with its rows. Returns false when this worker no longer owns the item. */
export function commitItemSuccess(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; rows: RowInsert[]; attempts: AttemptRecord[]; inputTokens: number; outputTokens: number; reasoningTokens?: number; costUsd: number; stats?: ModelCallStats[] }): Promise<boolean> {
  return committerFor(db).submit({ ...input, status: "succeeded", expectedRows: input.rows.length, lastError: null, errorKind: null, reasoningTokens: input.reasoningTokens ?? 0 });
}

/** Marks the item failed with its reason (no rows). Returns false when this worker no longer owns the item. */
export function commitItemFailure(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; expectedRows: number; errorKind: string; message: string; attempts: AttemptRecord[]; stats?: ModelCallStats[] }): Promise<boolean> {
  return committerFor(db).submit({
    ...input, status: "failed", rows: [], lastError: input.message, errorKind: input.errorKind, inputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0,
  });
}

const committers = new WeakMap<PrismaClient, Batcher<Commit, boolean>>();

function committerFor(db: PrismaClient): Batcher<Commit, boolean> {
  // 2,000 rows a statement keeps its parameters to a few MB.
  return batcherFor(committers, db, () => new Batcher((commits) => commitItems(db, commits), { maxItems: 200, weight: (commit) => commit.rows.length, maxWeight: 2000 }));
}

type Committed = { owned: string[]; runs: { id: string; status: string }[] };

// The end wins over a budget pause (a run whose last item passes the budget completes).
const DONE = "(r.status IN ('queued', 'running', 'paused') AND r.succeeded_items + p.succeeded + r.failed_items + p.failed >= r.planned_items)";
// As a success's commit only: a failure spends nothing.
const OVER_BUDGET = "(p.succeeded > 0 AND r.status IN ('queued', 'running') AND r.budget_usd IS NOT NULL AND r.cost_usd + p.cost_usd >= r.budget_usd)";

/**
 * $1: the items as one JSON array, each with its rows, attempts and model
 * statistics. What all of an item's rows share (prompt, variables, model…)
 * travels once, with the item; a row carries its own value only where it
 * differs. Runs are locked in id order, so commits of several runs never
 * deadlock each other.
 *
 * A regeneration item (replaces_row_id) retires the row it replaces in the same
 * statement: the old row stops being current only if it still is (locked in id
 * order, re-checked after a wait), and only the first item to retire it makes a
 * current row; any later one is kept as a non-current version. So however items
 * are redelivered, raced or batched, a replaced row has exactly one current successor.
 */
const COMMIT_SQL = `
    WITH input AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(id uuid, worker text, status work_item_status, last_error text, error_kind text,
             expected_rows int, input_tokens int, output_tokens int, reasoning_tokens int, cost_usd double precision,
             dataset_id uuid, language text, model text, connection_id uuid, prompt text, variables jsonb, parameters jsonb,
             rows jsonb, attempts jsonb, stats jsonb, replaces_row_id uuid)
    ), owned AS (
      UPDATE work_items w SET status = i.status, finished_at = now(), lease_expires_at = NULL, last_error = i.last_error, error_kind = i.error_kind, updated_at = now()
        FROM input i
       WHERE w.id = i.id AND w.status = 'running' AND w.claimed_by = i.worker
   RETURNING w.id, w.run_id, i.status, i.expected_rows, i.input_tokens, i.output_tokens, i.reasoning_tokens, i.cost_usd,
             i.dataset_id, i.language, i.model, i.connection_id, i.prompt, i.variables, i.parameters, i.rows, i.attempts, i.stats, i.replaces_row_id
    ), retiring AS (
      SELECT id FROM rows WHERE id IN (SELECT replaces_row_id FROM owned WHERE status = 'succeeded' AND jsonb_array_length(rows) > 0) AND current
       ORDER BY id FOR UPDATE
    ), retired AS (
      UPDATE rows x SET current = false FROM retiring l WHERE x.id = l.id RETURNING x.id
    ), successor AS (
      SELECT DISTINCT ON (replaces_row_id) id FROM owned WHERE replaces_row_id IN (SELECT id FROM retired) ORDER BY replaces_row_id, id
    ), inserted AS (
      INSERT INTO rows (id, dataset_id, run_id, work_item_id, index, data, text, labels, language, model, connection_id, prompt, variables, parameters,
                        input_tokens, output_tokens, reasoning_tokens, cost_usd, latency_ms, current, replaces_row_id)
      SELECT gen_random_uuid(), coalesce(r.dataset_id, o.dataset_id), o.run_id, o.id, r.index, r.data, r.text, r.labels, coalesce(r.language, o.language),
             coalesce(r.model, o.model), coalesce(r.connection_id, o.connection_id), coalesce(r.prompt, o.prompt), coalesce(r.variables, o.variables),
             coalesce(r.parameters, o.parameters), r.input_tokens, r.output_tokens, r.reasoning_tokens, r.cost_usd, r.latency_ms,
             o.replaces_row_id IS NULL OR o.id IN (SELECT id FROM successor), o.replaces_row_id
        FROM owned o, jsonb_to_recordset(o.rows) AS r(index int, data jsonb, text text, labels text[], input_tokens int, output_tokens int,
             reasoning_tokens int, cost_usd double precision, latency_ms int, dataset_id uuid, language text, model text, connection_id uuid, prompt text,
             variables jsonb, parameters jsonb)
      ON CONFLICT (work_item_id, index) DO NOTHING
   RETURNING run_id
    ), attempts AS (
      INSERT INTO item_attempts (id, work_item_id, number, step, model, outcome, error_kind, message, repairs, latency_ms, started_at, finished_at)
      SELECT gen_random_uuid(), o.id, a.number, a.step, a.model, a.outcome, a.error_kind, a.message, a.repairs, a.latency_ms, a.started_at, a.finished_at
        FROM owned o, jsonb_to_recordset(o.attempts) AS a(number int, step text, model text, outcome text, error_kind text, message text, repairs int,
             latency_ms int, started_at timestamp, finished_at timestamp)
      ON CONFLICT (work_item_id, number) DO NOTHING
    ), stats AS (
      INSERT INTO run_model_stats AS s (run_id, model, calls, first_try_valid, repaired, failed, input_tokens, output_tokens, reasoning_tokens, cost_usd)
      SELECT o.run_id, m.model, sum(m.calls), sum(m.first_try_valid), sum(m.repaired), sum(m.failed), sum(m.input_tokens), sum(m.output_tokens),
             sum(m.reasoning_tokens), sum(m.cost_usd)
        FROM owned o, jsonb_to_recordset(o.stats) AS m(model text, calls int, first_try_valid int, repaired int, failed int,
             input_tokens int, output_tokens int, reasoning_tokens int, cost_usd double precision)
       WHERE jsonb_typeof(o.stats) = 'array'
       GROUP BY o.run_id, m.model
      ON CONFLICT (run_id, model) DO UPDATE SET calls = s.calls + EXCLUDED.calls, first_try_valid = s.first_try_valid + EXCLUDED.first_try_valid,
        repaired = s.repaired + EXCLUDED.repaired, failed = s.failed + EXCLUDED.failed, input_tokens = s.input_tokens + EXCLUDED.input_tokens,
        output_tokens = s.output_tokens + EXCLUDED.output_tokens, reasoning_tokens = s.reasoning_tokens + EXCLUDED.reasoning_tokens, cost_usd = s.cost_usd + EXCLUDED.cost_usd
    ), per_run AS (
      SELECT run_id, count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE status = 'failed')::int AS failed,
             coalesce(sum(expected_rows) FILTER (WHERE status = 'failed'), 0)::int AS failed_rows,
             sum(input_tokens)::int AS input_tokens, sum(output_tokens)::int AS output_tokens, sum(reasoning_tokens)::int AS reasoning_tokens, sum(cost_usd) AS cost_usd,
             (SELECT count(*) FROM inserted x WHERE x.run_id = owned.run_id)::int AS rows
        FROM owned GROUP BY run_id
    ), locked AS (
      SELECT id FROM runs WHERE id IN (SELECT run_id FROM per_run) ORDER BY id FOR UPDATE
    ), counted AS (
      UPDATE runs r SET succeeded_items = r.succeeded_items + p.succeeded, failed_items = r.failed_items + p.failed,
             succeeded_rows = r.succeeded_rows + p.rows, failed_rows = r.failed_rows + p.failed_rows,
             input_tokens = r.input_tokens + p.input_tokens, output_tokens = r.output_tokens + p.output_tokens,
             reasoning_tokens = r.reasoning_tokens + p.reasoning_tokens, cost_usd = r.cost_usd + p.cost_usd,
             status = CASE WHEN ${DONE} THEN (CASE WHEN r.failed_items + p.failed > 0 THEN 'failed' ELSE 'completed' END)::run_status
                           WHEN ${OVER_BUDGET} THEN 'paused'::run_status ELSE r.status END,
             finished_at = CASE WHEN ${DONE} THEN now() ELSE r.finished_at END,
             paused_reason = CASE WHEN NOT ${DONE} AND ${OVER_BUDGET}
                                  THEN 'Budget reached: $' || to_char(r.cost_usd + p.cost_usd, 'FM999999990.0000') || ' spent of the $' || to_char(r.budget_usd, 'FM999999990.00') || ' budget. Raise the budget to resume.'
                                  ELSE r.paused_reason END,
             updated_at = now()
        FROM per_run p JOIN locked l ON l.id = p.run_id
       WHERE r.id = p.run_id
   RETURNING r.id, r.status::text AS status
    )
    SELECT (SELECT coalesce(json_agg(id), '[]') FROM owned) AS owned,
           (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status)), '[]') FROM counted) AS runs`;

async function commitItems(db: PrismaClient, all: Commit[]): Promise<boolean[]> {
  // The same item twice in one batch (two deliveries that both think they own it): one statement
  // updates a row once, so only the first goes in and the other is answered as not owned.
  const first = new Map(all.map((commit, index) => [commit.workItemId, index] as const).reverse());
  const commits = all.filter((commit, index) => first.get(commit.workItemId) === index);
  const shared = commits.map(sharedRowFields);
  // Straight to the pool (the statement is prepared once per connection): with hundreds of rows of
  // JSON a statement, Prisma's per-query handling would cost more than the database's work.
  const { rows: [result] } = await poolOf(db).query<Committed>({
    name: "datafast-commit-items",
    text: COMMIT_SQL,
    values: [itemsJsonb(commits, shared)],
  });
  await finishCancellingRuns(db, result!.runs);
  const owned = new Set(result!.owned);
  return all.map((commit, index) => first.get(commit.workItemId) === index && owned.has(commit.workItemId));
}

/**
 * A cancelling run ends when its last item in flight commits. That check must
 * see every other commit, which one statement's snapshot does not: so it runs
 * after it, under the run row's lock (the lifecycle's lock order).
 */
async function finishCancellingRuns(db: PrismaClient, runs: { id: string; status: string }[]): Promise<void> {
  for (const run of runs) {
    if (run.status !== "cancelling") continue;
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM runs WHERE id = ${run.id}::uuid FOR UPDATE`;
      await finishCancellingRun(tx, run.id);
    });
  }
}

type SharedFields = Partial<Pick<RowInsert, "datasetId" | "language" | "model" | "connectionId" | "prompt" | "variables" | "parameters">>;
const SHARED_KEYS = ["datasetId", "language", "model", "connectionId", "prompt", "variables", "parameters"] as const;

/** The fields every row of the item has in common (the same value, usually the same object). */
function sharedRowFields(commit: Commit): SharedFields {
  const [head, ...rest] = commit.rows;
  if (!head) return {};
  const same = (a: unknown, b: unknown) => a === b || (typeof a === "object" && a !== null && JSON.stringify(a) === JSON.stringify(b));
  return Object.fromEntries(SHARED_KEYS.filter((key) => rest.every((row) => same(row[key], head[key]))).map((key) => [key, head[key]]));
}

// jsonb's binary format: a version byte (1), then the JSON text. $1 is cast to jsonb, so it is
// typed jsonb and pg sends a Buffer as binary; a $1::json would need the bare text.
const JSONB_ARRAY_START = Buffer.from([1, "[".charCodeAt(0)]);
const COMMA = Buffer.from(",");
const ARRAY_END = Buffer.from("]");

/**
 * The items as one jsonb array, assembled item by item outside the JS heap. As one JS string,
 * a statement's JSON (hundreds of KB) would go straight into V8's old generation and stay
 * there until a full GC: at thousands of rows a second, the RSS of a run grew with its length.
 */
function itemsJsonb(commits: Commit[], shared: SharedFields[]): Buffer {
  const parts = [JSONB_ARRAY_START];
  commits.forEach((c, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(Buffer.from(JSON.stringify(itemJson(c, shared[index]!))));
  });
  parts.push(ARRAY_END);
  return Buffer.concat(parts);
}

function itemJson(c: Commit, common: SharedFields) {
  return {
    id: c.workItemId, worker: c.workerId, status: c.status, last_error: c.lastError, error_kind: c.errorKind, expected_rows: c.expectedRows,
    input_tokens: c.inputTokens, output_tokens: c.outputTokens, reasoning_tokens: c.reasoningTokens, cost_usd: c.costUsd,
    dataset_id: common.datasetId, language: common.language, model: common.model, connection_id: common.connectionId,
    prompt: common.prompt, variables: common.variables, parameters: common.parameters,
    rows: rowsJson(c, common), attempts: attemptsJson(c), stats: c.stats ? c.stats.map(statsJson) : undefined,
    replaces_row_id: c.rows[0]?.replacesRowId,
  };
}

function rowsJson(c: Commit, common: SharedFields) {
  // Only what differs from the item's shared fields (undefined keys are left out of the JSON).
  const own = <K extends keyof SharedFields>(row: RowInsert, key: K) => (key in common ? undefined : row[key]);
  return c.rows.map((row) => ({
    index: row.index, data: row.data, text: row.text, labels: row.labels, input_tokens: row.inputTokens,
    output_tokens: row.outputTokens, reasoning_tokens: row.reasoningTokens, cost_usd: row.costUsd, latency_ms: Math.round(row.latencyMs),
    dataset_id: own(row, "datasetId"), language: own(row, "language"), model: own(row, "model"), connection_id: own(row, "connectionId"),
    prompt: own(row, "prompt"), variables: own(row, "variables"), parameters: own(row, "parameters"),
  }));
}

// Timestamps travel as UTC ISO strings into `timestamp` columns, which keep the wall time: UTC, as Prisma stores them.
const utc = (date: Date) => date.toISOString().replace("Z", "");

function attemptsJson(c: Commit) {
  return c.attempts.map((attempt) => ({
    number: attempt.number, step: attempt.step ?? null, model: attempt.model ?? null, outcome: attempt.outcome, error_kind: attempt.errorKind ?? null, message: attempt.message ?? null,
    repairs: attempt.repairs, latency_ms: Math.round(attempt.latencyMs), started_at: utc(attempt.startedAt),
    finished_at: utc(new Date(attempt.startedAt.getTime() + attempt.latencyMs)),
  }));
}

function statsJson(stats: ModelCallStats) {
  return {
    model: stats.model, calls: stats.calls, first_try_valid: stats.firstTryValid, repaired: stats.repaired, failed: stats.failed,
    input_tokens: stats.inputTokens, output_tokens: stats.outputTokens, reasoning_tokens: stats.reasoningTokens, cost_usd: stats.costUsd,
  };
}
