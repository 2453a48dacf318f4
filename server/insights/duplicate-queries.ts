// Prisma access of near-duplicate scans: their state and progress, the texts
// they read, and the groups they write (rows.duplicate_group_id, which the
// grid's `duplicates` filter reads).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { poolOf } from "@/server/db";

const scanSelect = {
  id: true, datasetId: true, status: true, threshold: true, processed: true, total: true, groups: true, duplicateRows: true, error: true,
  createdAt: true, startedAt: true, finishedAt: true,
} as const;

/** A running scan whose heartbeat is older than this lost its worker: it may be claimed again. */
export const SCAN_STALE_SECONDS = 120;

export function createScan(db: PrismaClient, datasetId: string, threshold: number) {
  return db.duplicateScan.create({ data: { datasetId, threshold }, select: scanSelect });
}

export function findLatestScan(db: PrismaClient, datasetId: string) {
  return db.duplicateScan.findFirst({ where: { datasetId }, orderBy: { createdAt: "desc" }, select: scanSelect });
}

/** A queued scan, or a running one that is still alive: starting another would only repeat its work. */
export function findActiveScan(db: PrismaClient, datasetId: string) {
  return db.duplicateScan.findFirst({
    where: { datasetId, OR: [{ status: "queued" }, { status: "running", heartbeatAt: { gte: new Date(Date.now() - SCAN_STALE_SECONDS * 1000) } }] },
    orderBy: { createdAt: "desc" },
    select: scanSelect,
  });
}

/** Takes a queued scan (or a stale running one) for this process; undefined when another has it or it ended. */
export async function claimScan(db: PrismaClient, scanId: string) {
  const [scan] = await db.$queryRaw<{ id: string; datasetId: string; threshold: number }[]>`
    UPDATE duplicate_scans SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now(), processed = 0
     WHERE id = ${scanId}::uuid
       AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => ${SCAN_STALE_SECONDS})))
 RETURNING id, dataset_id AS "datasetId", threshold`;
  return scan;
}

export async function countCurrentRows(db: PrismaClient, datasetId: string): Promise<number> {
  return db.row.count({ where: { datasetId, current: true } });
}

/**
 * The next page of current rows' texts after `afterId`, in id order (keyset: every page costs the same).
 * Straight to the pool: a scan reads every row of the dataset, and Prisma's per-row handling of
 * 100k rows costs more than the query.
 */
export async function readTextsPage(db: PrismaClient, datasetId: string, afterId: string | null, limit: number) {
  const { rows } = await poolOf(db).query<{ id: string; text: string }>({
    name: "datafast-duplicate-scan-page",
    text: "SELECT id, text FROM rows WHERE dataset_id = $1 AND current AND id > $2 ORDER BY id LIMIT $3",
    values: [datasetId, afterId ?? "00000000-0000-0000-0000-000000000000", limit],
  });
  return rows;
}

export async function reportScanProgress(db: PrismaClient, scanId: string, progress: { processed: number; total: number }) {
  await db.duplicateScan.update({ where: { id: scanId }, data: { ...progress, heartbeatAt: new Date() } });
}

export async function failScan(db: PrismaClient, scanId: string, error: string) {
  await db.duplicateScan.update({ where: { id: scanId }, data: { status: "failed", error, finishedAt: new Date() } });
}

/**
 * Replaces the dataset's groups with the scan's in one transaction. Each row is
 * written once: rows of a new group are pointed at it, rows left in an old group
 * are cleared, then the old groups go (nothing references them any more). A row
 * update touches every index of rows, so this is most of a scan's writing.
 */
export async function saveScanGroups(db: PrismaClient, scanId: string, datasetId: string, groups: { rowIds: string[]; similarity: number }[]) {
  const ids = groups.map(() => randomUUID());
  const rowIds = groups.flatMap((group) => group.rowIds);
  const groupOfRow = groups.flatMap((group, index) => group.rowIds.map(() => ids[index]!));
  await db.$transaction(async (tx) => {
    if (groups.length > 0) {
      await tx.$executeRaw`
        INSERT INTO duplicate_groups (id, dataset_id, scan_id, size, similarity)
        SELECT g.id, ${datasetId}::uuid, ${scanId}::uuid, g.size, g.similarity
          FROM unnest(${ids}::uuid[], ${groups.map((group) => group.rowIds.length)}::int[], ${groups.map((group) => group.similarity)}::float8[]) AS g(id, size, similarity)`;
      await tx.$executeRaw`
        UPDATE rows r SET duplicate_group_id = u.group_id FROM unnest(${rowIds}::uuid[], ${groupOfRow}::uuid[]) AS u(row_id, group_id)
         WHERE r.id = u.row_id AND r.dataset_id = ${datasetId}::uuid`;
    }
    const old = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM duplicate_groups WHERE dataset_id = ${datasetId}::uuid AND id <> ALL(${ids}::uuid[])`;
    if (old.length > 0) {
      const oldIds = old.map((group) => group.id);
      await tx.$executeRaw`UPDATE rows SET duplicate_group_id = NULL WHERE duplicate_group_id = ANY(${oldIds}::uuid[])`;
      await tx.$executeRaw`DELETE FROM duplicate_groups WHERE id = ANY(${oldIds}::uuid[])`;
    }
    await tx.duplicateScan.update({ where: { id: scanId }, data: { status: "completed", groups: groups.length, duplicateRows: rowIds.length, finishedAt: new Date(), heartbeatAt: new Date() } });
  }, { timeout: 120_000 });
}

export type DuplicateMember = { id: string; text: string; status: string; labels: string[]; language: string; model: string; createdAt: Date };

/** The dataset's groups that still have two or more current rows, largest first, with their current rows. */
export async function findDuplicateGroups(db: PrismaClient, datasetId: string, page: { offset: number; limit: number; membersPerGroup: number }) {
  const groups = await db.$queryRaw<{ id: string; similarity: number; size: number; total: number }[]>`
    SELECT g.id, g.similarity, count(*)::int AS size, count(*) OVER ()::int AS total
      FROM duplicate_groups g JOIN rows r ON r.duplicate_group_id = g.id AND r.current
     WHERE g.dataset_id = ${datasetId}::uuid
     GROUP BY g.id HAVING count(*) >= 2
     ORDER BY count(*) DESC, g.similarity DESC, g.id LIMIT ${page.limit} OFFSET ${page.offset}`;
  if (groups.length === 0) return { groups: [], total: 0 };
  const members = await db.$queryRaw<(DuplicateMember & { groupId: string })[]>`
    SELECT * FROM (
      SELECT r.duplicate_group_id AS "groupId", r.id, r.text, coalesce(v.status::text, 'pending') AS status,
             (CASE WHEN cardinality(v.labels) > 0 THEN v.labels ELSE r.labels END) AS labels, r.language, r.model, r.created_at AS "createdAt",
             row_number() OVER (PARTITION BY r.duplicate_group_id ORDER BY r.created_at, r.id) AS n
        FROM rows r LEFT JOIN reviews v ON v.row_id = r.id
       WHERE r.duplicate_group_id = ANY(${groups.map((group) => group.id)}::uuid[]) AND r.current
    ) m WHERE n <= ${page.membersPerGroup} ORDER BY "createdAt", id`;
  return {
    total: groups[0]!.total,
    groups: groups.map((group) => ({
      id: group.id, similarity: group.similarity, size: group.size,
      rows: members.filter((member) => member.groupId === group.id).map((member) => ({ id: member.id, text: member.text, status: member.status, labels: member.labels, language: member.language, model: member.model, createdAt: member.createdAt })),
    })),
  };
}

/** The current rows of a group of the dataset. */
export async function findGroupRowIds(db: PrismaClient, datasetId: string, groupId: string): Promise<string[]> {
  const rows = await db.row.findMany({ where: { datasetId, duplicateGroupId: groupId, current: true }, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => row.id);
}
