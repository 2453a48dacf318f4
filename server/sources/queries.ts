// The only Prisma access for sources. Records go in with one statement per
// chunk (a jsonb array expanded server-side), so a 100,000-record file is a few
// round trips, not 100,000.
import type { SourceRecord } from "@/lib/sources/source-ref";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/db-errors";

export const sourceSelect = {
  id: true, name: true, kind: true, format: true, fileName: true, encoding: true, wholeFile: true,
  hubDataset: true, hubConfig: true, hubSplit: true, hubSample: true, hubSeed: true, hubRowsTotal: true,
  columns: true, recordCount: true, skippedEmpty: true, sizeBytes: true, contentHash: true, createdAt: true,
} as const;

export type StoredSource = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;
export type NewSource = Omit<Prisma.SourceCreateInput, "id" | "createdAt" | "records" | "recordCount">;

const INSERT_CHUNK = 5_000;

export function findSource(db: PrismaClient, id: string) {
  return db.source.findUnique({ where: { id }, select: sourceSelect });
}

export function findSourceByOriginKey(db: PrismaClient, originKey: string) {
  return db.source.findUnique({ where: { originKey }, select: sourceSelect });
}

export function listSourcesNewestFirst(db: PrismaClient) {
  return db.source.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: sourceSelect });
}

/**
 * Stores a source and its records in one transaction. When another request stored
 * the same origin first (unique origin_key), returns that one instead.
 */
export async function insertSource(db: PrismaClient, data: NewSource, records: SourceRecord[]): Promise<StoredSource> {
  try {
    return await db.$transaction(
      async (tx) => {
        const source = await tx.source.create({ data: { ...data, recordCount: records.length }, select: sourceSelect });
        for (let start = 0; start < records.length; start += INSERT_CHUNK) {
          const chunk = JSON.stringify(records.slice(start, start + INSERT_CHUNK));
          await tx.$executeRaw`INSERT INTO source_records (source_id, ordinal, record)
            SELECT ${source.id}::uuid, (item.position - 1 + ${start})::int, item.value
              FROM jsonb_array_elements(${chunk}::jsonb) WITH ORDINALITY AS item(value, position)`;
        }
        return source;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findSourceByOriginKey(db, data.originKey);
    if (!existing) throw error;
    return existing;
  }
}

export function pageSourceRecords(db: PrismaClient, sourceId: string, page: { offset: number; limit: number }) {
  return db.sourceRecord.findMany({ where: { sourceId }, orderBy: { ordinal: "asc" }, skip: page.offset, take: page.limit, select: { ordinal: true, record: true } });
}

export async function allSourceRecords(db: PrismaClient, sourceId: string): Promise<{ ordinal: number; record: SourceRecord }[]> {
  const rows = await db.sourceRecord.findMany({ where: { sourceId }, orderBy: { ordinal: "asc" }, select: { ordinal: true, record: true } });
  return rows as { ordinal: number; record: SourceRecord }[];
}

/**
 * A page of one or two columns' values of a source's records, after an ordinal: what
 * counting documents needs, without reading (and parsing) every whole record.
 */
export function sourceColumnValues(db: PrismaClient, sourceId: string, columns: { text: string; context?: string }, page: { after: number; limit: number }) {
  return db.$queryRaw<{ ordinal: number; text: SourceRecord[string] | null; context: SourceRecord[string] | null }[]>`
    SELECT ordinal, record -> ${columns.text}::text AS text, record -> ${columns.context ?? null}::text AS context
      FROM source_records WHERE source_id = ${sourceId}::uuid AND ordinal > ${page.after}::int ORDER BY ordinal LIMIT ${page.limit}::int`;
}

export async function sourceRecordsAt(db: PrismaClient, sourceId: string, ordinals: number[]): Promise<{ ordinal: number; record: SourceRecord }[]> {
  const rows = await db.sourceRecord.findMany({ where: { sourceId, ordinal: { in: ordinals } }, orderBy: { ordinal: "asc" }, select: { ordinal: true, record: true } });
  return rows as { ordinal: number; record: SourceRecord }[];
}

export function deleteSourceRow(db: PrismaClient, id: string) {
  return db.source.delete({ where: { id }, select: { id: true } });
}

/** Datasets whose current design names this stored source (a scan of designs: there are few datasets). */
export function datasetsUsingSource(db: PrismaClient, sourceId: string) {
  return db.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM datasets WHERE design->'source'->>'sourceId' = ${sourceId} ORDER BY created_at LIMIT 20`;
}

export async function datasetCountsBySource(db: PrismaClient): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ source_id: string; count: number }[]>`SELECT design->'source'->>'sourceId' AS source_id, count(*)::int AS count
    FROM datasets WHERE design->'source'->>'sourceId' IS NOT NULL GROUP BY 1`;
  return new Map(rows.map((row) => [row.source_id, row.count]));
}
