// Small datasets of any type for the review actions' tests: a dataset, one run,
// one work item (with its attempts, if given) and the given rows' data.
import type { Db } from "@/server/db";
import type { DatasetTypeName } from "@/lib/designs/design-schema";

export type FactoryAttempt = { number: number; step: string; model: string; outcome: string; errorKind?: string; message?: string; repairs?: number; latencyMs?: number };

export async function createTypedDataset(db: Db, type: DatasetTypeName, design: Record<string, unknown>, rows: Record<string, unknown>[], attempts: FactoryAttempt[] = []) {
  const dataset = await db.dataset.create({ data: { name: `${type}-review`, type, design: { name: `${type}-review`, type, ...design } } });
  const snapshot = await db.designSnapshot.create({ data: { datasetId: dataset.id, version: 1, design: dataset.design as object, fingerprint: dataset.id } });
  const run = await db.run.create({ data: { datasetId: dataset.id, snapshotId: snapshot.id, status: "completed" } });
  const item = await db.workItem.create({ data: { runId: run.id, key: "k", ordinal: 0, status: "succeeded", payload: {}, expectedRows: rows.length, attempts: attempts.length } });
  // Set-based inserts: a query per row made large test datasets slow.
  await db.itemAttempt.createMany({ data: attempts.map((attempt) => ({ workItemId: item.id, startedAt: new Date(), finishedAt: new Date(), repairs: 0, ...attempt })) });
  // One statement would give every row the same created_at; a millisecond apart keeps
  // the grid's and exports' created order the given rows' order, as separate inserts did.
  const start = Date.now();
  const created = await db.row.createManyAndReturn({
    data: rows.map((data, index) => ({
      datasetId: dataset.id,
      runId: run.id,
      workItemId: item.id,
      index,
      data: data as object,
      text: typeof data.text === "string" ? data.text : typeof data.instruction === "string" ? data.instruction : JSON.stringify(data),
      labels: typeof data.label === "string" ? [data.label] : [],
      language: "en",
      model: "mock-1",
      prompt: `Write rows about topic ${index}.`,
      variables: { tone: "polite" },
      parameters: { temperature: 0.7 },
      inputTokens: 120,
      outputTokens: 80,
      reasoningTokens: 5,
      costUsd: 0.0012,
      latencyMs: 345,
      createdAt: new Date(start + index),
    })),
    select: { id: true, index: true },
  });
  // RETURNING order is not promised, so the ids are put back in the given rows' order.
  created.sort((left, right) => left.index - right.index);
  return { datasetId: dataset.id, runId: run.id, workItemId: item.id, rowIds: created.map((row) => row.id) };
}
