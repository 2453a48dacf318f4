// Assertions and polls for crash and restart tests: what "every row exactly
// once" means, checked against the database rather than the run's counters alone.
import { expect } from "vitest";
import type { Db } from "@/server/db";

/** Polls `check` until it returns a value other than undefined/false; never a fixed sleep. */
export async function pollUntil<T>(check: () => Promise<T | undefined | false>, options: { timeoutMs?: number; intervalMs?: number; what: string }): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

export async function countRows(db: Db, runId: string): Promise<number> {
  return db.row.count({ where: { runId } });
}

/** Waits until the run has stored at least `rows` rows. */
export function waitForRows(db: Db, runId: string, rows: number, timeoutMs = 60_000): Promise<number> {
  return pollUntil(async () => {
    const count = await countRows(db, runId);
    return count >= rows ? count : undefined;
  }, { timeoutMs, what: `${rows} rows of run ${runId}` });
}

/** The run completed, and its rows are exactly the planned ones: each item's rows once, counters and token totals equal to the rows. */
export async function expectEveryRowExactlyOnce(db: Db, runId: string): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  expect(run).toMatchObject({ status: "completed", failedRows: 0, failedItems: 0, succeededRows: run.plannedRows, succeededItems: run.plannedItems });
  expect(await countRows(db, runId)).toBe(run.plannedRows);
  const duplicates = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT work_item_id, index FROM rows WHERE run_id = ${runId}::uuid GROUP BY 1, 2 HAVING count(*) > 1) d`;
  expect(Number(duplicates[0]!.n)).toBe(0);
  const wrongItems = await db.$queryRaw<{ id: string; expected: number; stored: bigint; status: string }[]>`
    SELECT w.id, w.expected_rows AS expected, count(r.id) AS stored, w.status::text AS status
      FROM work_items w LEFT JOIN rows r ON r.work_item_id = w.id
     WHERE w.run_id = ${runId}::uuid GROUP BY w.id HAVING count(r.id) <> w.expected_rows OR w.status <> 'succeeded'`;
  expect(wrongItems).toEqual([]);
  const [sums] = await db.$queryRaw<{ input: bigint; output: bigint }[]>`
    SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output FROM rows WHERE run_id = ${runId}::uuid`;
  expect(run.inputTokens).toBe(Number(sums!.input));
  expect(run.outputTokens).toBe(Number(sums!.output));
  expect(run.inputTokens).toBeGreaterThan(0);
}
