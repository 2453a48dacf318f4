// Stored previews: discard, or promote into a dataset whose design is the one
// the preview was made from (so promoted rows are what a run of it would make).
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { upsertSnapshot } from "@/server/datasets/queries";
import { designFingerprint, getDataset, parseDesign } from "@/server/datasets/service";
import { deletePreview, findPreview, insertPromotedRun } from "./preview-queries";

export async function discardPreview(db: PrismaClient, previewId: string): Promise<void> {
  const preview = await findPreview(db, previewId);
  if (!preview) throw new AppError("NOT_FOUND", `Preview ${previewId} does not exist (it may have been discarded already).`);
  if (preview.promotedRunId) throw new AppError("PRECONDITION_FAILED", `Preview ${previewId} was promoted into run ${preview.promotedRunId}; its rows belong to the dataset now.`);
  await deletePreview(db, previewId);
}

export async function promotePreview(db: PrismaClient, previewId: string, datasetId: string) {
  const preview = await findPreview(db, previewId);
  if (!preview) throw new AppError("NOT_FOUND", `Preview ${previewId} does not exist (it may have been discarded).`);
  if (preview.promotedRunId) throw new AppError("PRECONDITION_FAILED", `Preview ${previewId} was already promoted into run ${preview.promotedRunId}.`);
  if (preview.rows.length === 0) throw new AppError("PRECONDITION_FAILED", "The preview has no finished row to keep.");
  const dataset = await getDataset(db, datasetId);
  const design = parseDesign(dataset.design);
  const fingerprint = designFingerprint(design);
  if (fingerprint !== preview.fingerprint) {
    throw new AppError("PRECONDITION_FAILED", "The preview was made from a different design than this dataset's; preview the dataset's design again to keep rows of it.");
  }
  const snapshot = await upsertSnapshot(db, { datasetId, version: dataset.version, design: dataset.design as never, fingerprint });
  const runId = await insertPromotedRun(db, preview, { datasetId, snapshotId: snapshot.id });
  if (!runId) throw new AppError("PRECONDITION_FAILED", `Preview ${previewId} was promoted by another request.`);
  return { runId, datasetId, rows: preview.rows.reduce((sum, row) => sum + (row.rows as unknown[]).length, 0) };
}
