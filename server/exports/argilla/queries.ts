// The only Prisma access of the Argilla export: links (which Argilla dataset a dataset
// became), the rows to push, and the reviews a pull compares against.
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { PushRow } from "./records";

const linkSelect = {
  id: true,
  datasetId: true,
  connectionId: true,
  workspaceId: true,
  workspaceName: true,
  argillaDatasetId: true,
  argillaDatasetName: true,
  questionIds: true,
  fieldKeys: true,
  lastPushAt: true,
  lastPushRecords: true,
  lastPullAt: true,
  lastPullReport: true,
  createdAt: true,
} satisfies Prisma.ArgillaLinkSelect;

export type ArgillaLinkRecord = Prisma.ArgillaLinkGetPayload<{ select: typeof linkSelect }>;

export function findLink(db: PrismaClient, key: { datasetId: string; connectionId: string; workspaceId: string }) {
  return db.argillaLink.findUnique({ where: { datasetId_connectionId_workspaceId: key }, select: linkSelect });
}

export function findLinkById(db: PrismaClient, datasetId: string, linkId: string) {
  return db.argillaLink.findFirst({ where: { id: linkId, datasetId }, select: linkSelect });
}

export function listLinks(db: PrismaClient, datasetId: string) {
  return db.argillaLink.findMany({
    where: { datasetId },
    orderBy: { createdAt: "asc" },
    select: { ...linkSelect, connection: { select: { name: true, url: true } } },
  });
}

export type LinkWrite = Pick<ArgillaLinkRecord, "datasetId" | "connectionId" | "workspaceId" | "workspaceName" | "argillaDatasetId" | "argillaDatasetName"> & {
  questionIds: Record<string, string>;
  fieldKeys: Record<string, string>;
};

/** One link per dataset × connection × workspace: a dataset found again (or made anew) replaces the old one. */
export function saveLink(db: PrismaClient, link: LinkWrite) {
  const { datasetId, connectionId, workspaceId, ...rest } = link;
  return db.argillaLink.upsert({
    where: { datasetId_connectionId_workspaceId: { datasetId, connectionId, workspaceId } },
    create: link,
    update: rest,
    select: linkSelect,
  });
}

export function markPushed(db: PrismaClient, linkId: string, at: Date, records: number) {
  return db.argillaLink.update({ where: { id: linkId }, data: { lastPushAt: at, lastPushRecords: records }, select: { id: true } });
}

export function markPulled(db: PrismaClient, linkId: string, at: Date, report: object) {
  return db.argillaLink.update({ where: { id: linkId }, data: { lastPullAt: at, lastPullReport: report }, select: { id: true } });
}

export function listArgillaConnections(db: PrismaClient) {
  return db.integrationConnection.findMany({ where: { kind: "argilla" }, orderBy: { name: "asc" }, select: { id: true, name: true, url: true, workspace: true } });
}

export function countCurrentRows(db: PrismaClient, datasetId: string) {
  return db.row.count({ where: { datasetId, current: true } });
}

/** The data keys of a dataset's first current row (a transform's columns). */
export async function firstRowKeys(db: PrismaClient, datasetId: string): Promise<string[]> {
  const row = await db.row.findFirst({ where: { datasetId, current: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { data: true } });
  return row && row.data && typeof row.data === "object" && !Array.isArray(row.data) ? Object.keys(row.data) : [];
}

/** Current rows in creation order, in keyset pages: memory stays flat on any dataset size. */
export async function* iteratePushRows(db: PrismaClient, datasetId: string, pageSize: number): AsyncGenerator<PushRow[]> {
  let cursor: { createdAt: Date; id: string } | undefined;
  while (true) {
    const page = await db.row.findMany({
      where: { datasetId, current: true, ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: pageSize,
      select: { id: true, data: true, model: true, language: true, variables: true, createdAt: true },
    });
    if (page.length === 0) return;
    yield page.map((row) => ({ id: row.id, data: row.data as Record<string, unknown>, model: row.model, language: row.language, variables: row.variables }));
    const last = page[page.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/** Rows of the dataset among `ids` (any version), with their review. */
export function findRowsWithReviews(db: PrismaClient, datasetId: string, ids: string[]) {
  return db.row.findMany({
    where: { datasetId, id: { in: ids } },
    select: { id: true, data: true, review: { select: { status: true, labels: true, rating: true, editedData: true, reviewer: true, reviewedAt: true, lastActionId: true, updatedAt: true } } },
  });
}
