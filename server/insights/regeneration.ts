// Regenerating rows: a new run of the dataset (kind "regeneration") with one work
// item per chosen row, through the normal engine (limits, retries, progress,
// pause and cancel). When an item commits, its row replaces the chosen one in
// the same statement (server/generation/commit-queries.ts); the old row stays as history.
import type { z } from "zod";
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
  const sources: RegenerationSource[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const target of targets) {
    // The rows' foreign key keeps their item; should it be gone anyway, its payload reads as missing.
    const item = itemById.get(target.workItemId);
    const payload = workItemPayloadSchema.safeParse(item?.payload);
    if (!payload.success) unreadable.push({ rowId: target.rowId, problem: firstIssue(payload.error) });
    else sources.push({ rowId: target.rowId, key: item!.key, payload: payload.data, design: designById.get(target.snapshotId) });
  }
  if (unreadable.length) throw unreadableRowsError(unreadable);
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

type UnreadableRow = { rowId: string; problem: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` : "it does not match the work item format";
}

/**
 * A row is regenerated from the payload its work item stored; one this version cannot read
 * (written by an older version, or changed by hand) cannot be replayed, so the person is
 * told which rows and how to go on, and nothing is planned.
 */
function unreadableRowsError(rows: UnreadableRow[]): AppError {
  const shown = rows.slice(0, 3).map((row) => `row ${row.rowId} (${row.problem})`).join("; ");
  const more = rows.length > 3 ? `; and ${rows.length - 3} more` : "";
  if (rows.length === 1) {
    return new AppError("BAD_REQUEST", `Row ${rows[0]!.rowId} cannot be regenerated: the work item that made it stores a payload this version cannot read (${rows[0]!.problem}). Deselect it (or narrow the filter to leave it out) and regenerate the other rows.`);
  }
  return new AppError("BAD_REQUEST", `${rows.length} of the selected rows cannot be regenerated: the work items that made them store payloads this version cannot read: ${shown}${more}. Deselect them (or narrow the filter to leave them out) and regenerate the other rows.`);
}

function parsedDesign(design: unknown): DatasetDesign | undefined {
  const parsed = datasetDesignSchema.safeParse(design);
  return parsed.success ? parsed.data : undefined;
}
