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
  for (const attempt of attempts) {
    await db.itemAttempt.create({ data: { workItemId: item.id, startedAt: new Date(), finishedAt: new Date(), repairs: 0, ...attempt } });
  }
  const created = [];
  for (const [index, data] of rows.entries()) {
    const text = typeof data.text === "string" ? data.text : typeof data.instruction === "string" ? data.instruction : JSON.stringify(data);
    created.push(
      await db.row.create({
        data: {
          datasetId: dataset.id,
          runId: run.id,
          workItemId: item.id,
          index,
          data: data as object,
          text,
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
        },
        select: { id: true },
      }),
    );
  }
  return { datasetId: dataset.id, runId: run.id, workItemId: item.id, rowIds: created.map((row) => row.id) };
}
