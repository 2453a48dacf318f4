// Near-duplicates: a scan reads a dataset's current rows in pages, MinHash-signs
// their text, groups near-duplicates with LSH and replaces the dataset's groups.
// It runs as a worker job (a queued scan row, progress written as it goes); a
// scan whose worker died is picked up again once its heartbeat is stale.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { MinHashIndex } from "@/lib/insights/minhash";
import { AppError } from "@/server/errors";
import type { WorkQueue } from "@/server/jobs/queue";
import { applyReviewChange } from "@/server/review/action-queries";
import {
  claimScan, countCurrentRows, createScan, failScan, findActiveScan, findDuplicateGroups, findGroupRowIds, findLatestScan, readTextsPage, reportScanProgress, saveScanGroups,
} from "./duplicate-queries";

export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;
const PAGE_ROWS = 5_000;

/** Starts a scan (or returns the one already queued or running for the dataset). */
export async function startDuplicateScan(db: PrismaClient, queue: WorkQueue, datasetId: string, threshold = DEFAULT_DUPLICATE_THRESHOLD) {
  const active = await findActiveScan(db, datasetId);
  if (active) return active;
  const scan = await createScan(db, datasetId, threshold);
  if (queue.scanDuplicates) await queue.scanDuplicates(scan.id);
  // Without a job queue (a caller of its own, the CLI), the scan runs in this process; its progress is in the table all the same.
  else void runDuplicateScan(db, scan.id);
  return scan;
}

export function getLatestDuplicateScan(db: PrismaClient, datasetId: string) {
  return findLatestScan(db, datasetId);
}

/** The job: claims the scan, reads and signs every current row, groups, saves. Returns false when another process has it. */
export async function runDuplicateScan(db: PrismaClient, scanId: string): Promise<boolean> {
  const scan = await claimScan(db, scanId);
  if (!scan) return false;
  try {
    const total = await countCurrentRows(db, scan.datasetId);
    const index = new MinHashIndex(undefined, Math.max(1024, total));
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await readTextsPage(db, scan.datasetId, after, PAGE_ROWS);
      for (const row of page) {
        index.add(row.text);
        ids.push(row.id);
      }
      await reportScanProgress(db, scanId, { processed: ids.length, total: Math.max(total, ids.length) });
      if (page.length < PAGE_ROWS) break;
      after = page.at(-1)!.id;
    }
    const groups = index.groups(scan.threshold).map((group) => ({ rowIds: group.members.map((member) => ids[member]!), similarity: group.similarity }));
    await saveScanGroups(db, scanId, scan.datasetId, groups);
    return true;
  } catch (error) {
    await failScan(db, scanId, (error as Error).message ?? String(error)).catch(() => undefined);
    throw error;
  }
}

export function listDuplicateGroups(db: PrismaClient, datasetId: string, page: { page: number; pageSize: number }) {
  return findDuplicateGroups(db, datasetId, { offset: page.page * page.pageSize, limit: page.pageSize, membersPerGroup: 50 });
}

/**
 * Keeps one row of a group and rejects the others, as one review action (undoable
 * like any bulk action). The kept row's review is left as it is.
 */
export async function keepOneOfGroup(db: PrismaClient, datasetId: string, input: { groupId: string; keepRowId: string; reviewer: string }) {
  const rowIds = await findGroupRowIds(db, datasetId, input.groupId);
  if (!rowIds.includes(input.keepRowId)) throw new AppError("BAD_REQUEST", "The row to keep is not a current row of this near-duplicate group; scan again or pick another row.");
  const rest = rowIds.filter((id) => id !== input.keepRowId);
  if (rest.length === 0) return { actionId: null, rejected: 0 };
  const action = await applyReviewChange(db, { datasetId, target: { ids: rest }, change: { kind: "reject" }, actor: input.reviewer, value: { keep: input.keepRowId, group: input.groupId } });
  return { actionId: action.actionId, rejected: action.count };
}
