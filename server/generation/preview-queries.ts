// The only Prisma access of stored previews: created when a preview starts,
// a row per finished item, deleted on discard, turned into a finished run on promotion.
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { share } from "./execute-item";
import type { PlannedItem } from "./plan";
import type { RowDraft } from "./types/engine";

/** Unpromoted previews older than this are deleted when a new one starts. */
const KEEP_PREVIEWS_DAYS = 7;

export async function insertPreview(db: PrismaClient, input: { design: Prisma.InputJsonValue; fingerprint: string }): Promise<string> {
  await db.preview.deleteMany({ where: { promotedRunId: null, createdAt: { lt: new Date(Date.now() - KEEP_PREVIEWS_DAYS * 86_400_000) } } });
  const { id } = await db.preview.create({ data: input, select: { id: true } });
  return id;
}

export type PreviewItemResult = { ordinal: number; item: PlannedItem; rows: RowDraft[]; inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number; latencyMs: number };

export async function insertPreviewRow(db: PrismaClient, previewId: string, result: PreviewItemResult): Promise<void> {
  await db.previewRow.create({
    data: {
      previewId, ordinal: result.ordinal, key: result.item.key, payload: result.item.payload as unknown as Prisma.InputJsonValue, rows: result.rows as unknown as Prisma.InputJsonValue,
      inputTokens: result.inputTokens, outputTokens: result.outputTokens, reasoningTokens: result.reasoningTokens, costUsd: result.costUsd, latencyMs: result.latencyMs,
    },
  });
}

export function findPreview(db: PrismaClient, id: string) {
  return db.preview.findUnique({ where: { id }, include: { rows: { orderBy: { ordinal: "asc" } } } });
}

export async function deletePreview(db: PrismaClient, id: string): Promise<boolean> {
  const { count } = await db.preview.deleteMany({ where: { id, promotedRunId: null } });
  return count > 0;
}

type StoredPreview = NonNullable<Awaited<ReturnType<typeof findPreview>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One transaction: a finished run (marked as from a preview) whose work items and
 * rows are the preview's, with the same lineage a run's rows have. Returns
 * undefined when another request promoted the preview first.
 */
export function insertPromotedRun(db: PrismaClient, preview: StoredPreview, target: { datasetId: string; snapshotId: string }): Promise<string | undefined> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.preview.updateMany({ where: { id: preview.id, promotedRunId: null }, data: { promotedRunId: preview.id } });
    if (claimed.count === 0) return undefined;
    const sum = (pick: (row: StoredPreview["rows"][number]) => number) => preview.rows.reduce((total, row) => total + pick(row), 0);
    const rowCount = sum((row) => (row.rows as unknown[]).length);
    const now = new Date();
    const run = await tx.run.create({
      data: {
        datasetId: target.datasetId, snapshotId: target.snapshotId, status: "completed", fromPreview: true,
        plannedItems: preview.rows.length, plannedRows: rowCount, succeededItems: preview.rows.length, succeededRows: rowCount,
        inputTokens: sum((row) => row.inputTokens), outputTokens: sum((row) => row.outputTokens), reasoningTokens: sum((row) => row.reasoningTokens), costUsd: sum((row) => row.costUsd),
        startedAt: preview.createdAt, finishedAt: now,
      },
      select: { id: true },
    });
    // Two statements whatever the preview's size (a query per row made large
    // promotions slow); keys are unique per run, so they pair rows with their item.
    const items = await tx.workItem.createManyAndReturn({
      data: preview.rows.map((stored) => ({
        runId: run.id, key: stored.key, ordinal: stored.ordinal, payload: stored.payload as Prisma.InputJsonValue,
        expectedRows: (stored.rows as unknown[]).length, status: "succeeded" as const, attempts: 1, finishedAt: now,
      })),
      select: { id: true, key: true },
    });
    const itemIds = new Map(items.map((item) => [item.key, item.id]));
    await tx.row.createMany({
      // One statement gives every row the same default created_at; a millisecond per item
      // keeps the grid's and exports' created order following the items, as separate inserts did.
      data: preview.rows.flatMap((stored, position) => {
        const createdAt = new Date(now.getTime() + position);
        const payload = stored.payload as { prompt: string; variables: Prisma.InputJsonValue; language: string; model: { model: string; connectionId: string; parameters: Prisma.InputJsonValue } };
        const drafts = stored.rows as unknown as RowDraft[];
        const workItemId = itemIds.get(stored.key)!;
        return drafts.map((draft, index) => ({
          datasetId: target.datasetId, runId: run.id, workItemId, index, data: draft.data as Prisma.InputJsonValue, text: draft.text, labels: draft.labels,
          language: payload.language, model: payload.model.model, connectionId: UUID.test(payload.model.connectionId) ? payload.model.connectionId : null,
          prompt: payload.prompt, variables: payload.variables, parameters: payload.model.parameters,
          inputTokens: share(stored.inputTokens, drafts.length, index), outputTokens: share(stored.outputTokens, drafts.length, index), reasoningTokens: share(stored.reasoningTokens, drafts.length, index),
          costUsd: stored.costUsd / drafts.length, latencyMs: stored.latencyMs, createdAt,
        }));
      }),
    });
    await tx.preview.update({ where: { id: preview.id }, data: { promotedRunId: run.id } });
    return run.id;
  });
}
