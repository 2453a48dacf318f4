// A row's versions: the rows it replaced (older) and the rows that replaced it
// (newer), through rows.replaces_row_id, with the run that made each.
import type { PrismaClient } from "@/server/generated/prisma/client";

export type RowVersion = {
  id: string; text: string; data: unknown; current: boolean; replacesRowId: string | null; createdAt: Date; prompt: string; model: string;
  runId: string; runKind: string; instruction: string | null; status: string; depth: number;
};

/** Versions oldest first; `depth` 0 is the asked row, negative older, positive newer. Empty when the row is not the dataset's. */
export function findRowVersions(db: PrismaClient, datasetId: string, rowId: string): Promise<RowVersion[]> {
  return db.$queryRaw<RowVersion[]>`
    WITH RECURSIVE older AS (
      SELECT id, replaces_row_id, 0 AS depth FROM rows WHERE id = ${rowId}::uuid AND dataset_id = ${datasetId}::uuid
      UNION ALL
      SELECT r.id, r.replaces_row_id, o.depth - 1 FROM rows r JOIN older o ON r.id = o.replaces_row_id WHERE o.depth > -1000
    ), newer AS (
      SELECT id, 0 AS depth FROM rows WHERE id = ${rowId}::uuid AND dataset_id = ${datasetId}::uuid
      UNION ALL
      SELECT r.id, n.depth + 1 FROM rows r JOIN newer n ON r.replaces_row_id = n.id WHERE n.depth < 1000
    ), chain AS (SELECT id, depth FROM older UNION SELECT id, depth FROM newer)
    SELECT r.id, r.text, r.data, r.current, r.replaces_row_id AS "replacesRowId", r.created_at AS "createdAt", r.prompt, r.model,
           r.run_id AS "runId", n.kind::text AS "runKind", n.instruction, coalesce(v.status::text, 'pending') AS status, c.depth
      FROM chain c JOIN rows r ON r.id = c.id JOIN runs n ON n.id = r.run_id LEFT JOIN reviews v ON v.row_id = r.id
     ORDER BY c.depth, r.created_at, r.id`;
}
