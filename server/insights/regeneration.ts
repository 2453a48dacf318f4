// Regenerating rows: a new run of the dataset (kind "regeneration") with one work
// item per chosen row, through the normal engine (limits, retries, progress,
// pause and cancel). When an item commits, its row replaces the chosen one in
// the same statement (server/generation/commit-queries.ts); the old row stays as history.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { AppError } from "@/server/errors";
import { workItemPayloadSchema } from "@/server/generation/payload";
import { createRunWithItems } from "@/server/generation/queries";
import type { WorkQueue } from "@/server/jobs/queue";
import { regenerationItems, type RegenerationSource } from "./regeneration-items";
import { countSelection, findItemPayloads, findRegenerationTargets, findSnapshotDesigns, type RowSelection } from "./regeneration-queries";

/** As many rows as a source holds records: a larger selection is narrowed with a filter first. */
export const MAX_REGENERATION_ROWS = 100_000;

export type RegenerateInput = RowSelection & { instruction?: string };

/** What "Regenerate" would do: how many rows, how many are already being regenerated (skipped), and the cost of making them the first time. */
export async function estimateRegeneration(db: PrismaClient, datasetId: string, selection: RowSelection) {
  const counts = await countSelection(db, datasetId, selection);
  return { rows: counts.rows - counts.inFlight, inFlight: counts.inFlight, estimatedCostUsd: counts.costUsd, limit: MAX_REGENERATION_ROWS };
}

export async function regenerateRows(db: PrismaClient, queue: WorkQueue, datasetId: string, input: RegenerateInput) {
  const instruction = input.instruction?.trim() || undefined;
  const targets = await findRegenerationTargets(db, datasetId, input, MAX_REGENERATION_ROWS + 1);
  if (targets.length === 0) {
    throw new AppError("BAD_REQUEST", "No row to regenerate: the selection matches no current row, or every row in it is already being regenerated.");
  }
  if (targets.length > MAX_REGENERATION_ROWS) {
    throw new AppError("BAD_REQUEST", `The selection has more than ${MAX_REGENERATION_ROWS.toLocaleString("en-US")} rows; narrow the filter and regenerate in parts.`);
  }
  const [items, snapshots] = await Promise.all([
    findItemPayloads(db, [...new Set(targets.map((target) => target.workItemId))]),
    findSnapshotDesigns(db, [...new Set(targets.map((target) => target.snapshotId))]),
  ]);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const designById = new Map(snapshots.map((snapshot) => [snapshot.id, parsedDesign(snapshot.design)]));
  const sources: RegenerationSource[] = targets.map((target) => {
    const item = itemById.get(target.workItemId)!;
    return { rowId: target.rowId, key: item.key, payload: workItemPayloadSchema.parse(item.payload), design: designById.get(target.snapshotId) };
  });
  const planned = regenerationItems(sources, instruction);
  // The newest design among the replaced rows' runs stands for the run (every item carries its own payload).
  const snapshotId = [...snapshots].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!.id;
  const estimatedCostUsd = targets.reduce((sum, target) => sum + target.costUsd, 0);
  const { runId, itemIds } = await createRunWithItems(db, {
    datasetId, snapshotId, plannedRows: planned.length, items: planned, estimatedCostUsd, purpose: { kind: "regeneration", instruction: instruction ?? null },
  });
  await queue.enqueue(itemIds);
  return { runId, datasetId, plannedRows: planned.length };
}

function parsedDesign(design: unknown): DatasetDesign | undefined {
  const parsed = datasetDesignSchema.safeParse(design);
  return parsed.success ? parsed.data : undefined;
}
