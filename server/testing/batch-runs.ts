// Shared by the batch-mode integration tests: a design on an OpenAI or Anthropic connection
// served by the mock, direct deps for driving submit and poll by hand, and what "done right" means.
import { expect } from "vitest";
import type { DatasetDesignInput } from "@/lib/designs/design-schema";
import { BATCH_PRICE_FACTOR } from "@/lib/runs/run-mode";
import type { Db } from "@/server/db";
import { supportIntentsDesign } from "@/server/testing/designs";
import type { TestEngine } from "@/server/testing/engine";
import type { BatchDeps } from "@/server/generation/batch/deps";

export const PRICE = { inputPerMillion: 3, outputPerMillion: 12 };

/** The example design on a batch-capable provider, priced, with `tones` × 2 labels work items of 5 rows. */
export function batchDesign(baseURL: string, provider: "openai" | "anthropic", tones = ["angry", "polite"], name = `batch-${provider}`): DatasetDesignInput {
  return supportIntentsDesign(baseURL, {
    name,
    models: [{ provider, baseURL, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", pricing: PRICE }],
    variables: { tone: tones },
  });
}

/** Deps for calling submit and poll directly: nothing is scheduled, fallbacks go to the engine's queue. */
export function manualDeps(engine: TestEngine, maxRequests?: number): BatchDeps {
  return { leaseSeconds: 2, maxRequests, schedulePoll: async () => undefined, enqueueOnline: (ids) => engine.queue.enqueue(ids) };
}

/** Rows and run totals agree, and every row's cost is its tokens at the price, discounted when `batched`. */
export async function expectCostsOfRows(db: Db, runId: string): Promise<{ batchRows: number; onlineRows: number }> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  const rows = await db.row.findMany({ where: { runId }, select: { workItemId: true, inputTokens: true, outputTokens: true, costUsd: true } });
  const attempts = await db.itemAttempt.findMany({ where: { workItem: { runId }, outcome: "succeeded" }, select: { workItemId: true, message: true } });
  const byBatch = new Set(attempts.filter((attempt) => attempt.message?.startsWith("provider batch")).map((attempt) => attempt.workItemId));
  const perItem = new Map<string, { input: number; output: number; cost: number }>();
  for (const row of rows) {
    const item = perItem.get(row.workItemId) ?? { input: 0, output: 0, cost: 0 };
    perItem.set(row.workItemId, { input: item.input + row.inputTokens, output: item.output + row.outputTokens, cost: item.cost + row.costUsd });
  }
  for (const [id, item] of perItem) {
    const full = (item.input * PRICE.inputPerMillion + item.output * PRICE.outputPerMillion) / 1_000_000;
    expect(item.cost).toBeCloseTo(byBatch.has(id) ? full * BATCH_PRICE_FACTOR : full, 12);
  }
  expect(run.costUsd).toBeCloseTo(rows.reduce((sum, row) => sum + row.costUsd, 0), 12);
  expect(run.inputTokens).toBe(rows.reduce((sum, row) => sum + row.inputTokens, 0));
  expect(run.outputTokens).toBe(rows.reduce((sum, row) => sum + row.outputTokens, 0));
  const batchRows = rows.filter((row) => byBatch.has(row.workItemId)).length;
  return { batchRows, onlineRows: rows.length - batchRows };
}
