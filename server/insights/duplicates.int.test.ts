import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { poolOf } from "@/server/db";
import { undoReviewActionRows } from "@/server/review/action-queries";
import { pollUntil } from "@/server/testing/run-checks";
import { buildSeedDataset, insertSeedDataset, type SeedDataset } from "@/server/testing/review-rows";
import { useTestEngine } from "@/server/testing/engine-caller";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";

const context = useTestEngine();

async function scanToEnd(datasetId: string, threshold?: number) {
  const started = await context.caller.insights.scanDuplicates({ datasetId, threshold });
  return pollUntil(async () => {
    const scan = await context.caller.insights.duplicateScan({ datasetId });
    if (scan?.status === "failed") throw new Error(scan.error ?? "scan failed");
    return scan?.id === started.id && scan.status === "completed" ? scan : undefined;
  }, { what: "the near-duplicate scan", timeoutMs: 60_000 });
}

/** Current rows by group, as sets of row ids, sorted for comparison. */
async function groupsInDatabase(datasetId: string): Promise<string[][]> {
  const rows = await context.engine.db.row.findMany({ where: { datasetId, current: true, duplicateGroupId: { not: null } }, select: { id: true, duplicateGroupId: true } });
  const byGroup = new Map<string, string[]>();
  for (const row of rows) byGroup.set(row.duplicateGroupId!, [...(byGroup.get(row.duplicateGroupId!) ?? []), row.id]);
  return [...byGroup.values()].map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The seed's planted groups among current rows, computed from the seed alone. */
function plantedGroups(seed: SeedDataset): string[][] {
  const byGroup = new Map<number, string[]>();
  for (const row of seed.rows) if (row.current && row.duplicateGroup !== null) byGroup.set(row.duplicateGroup, [...(byGroup.get(row.duplicateGroup) ?? []), row.id]);
  return [...byGroup.values()].filter((ids) => ids.length >= 2).map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe("near-duplicates", () => {
  it("a worker's scan finds the planted near-duplicates and groups no distinct rows", async () => {
    const seed = buildSeedDataset(3000, 7);
    await insertSeedDataset(context.engine.db, seed);
    // The seed also wrote groups of its own: the scan replaces them.
    const seeded = await context.engine.db.duplicateGroup.findMany({ where: { datasetId: seed.datasetId }, select: { id: true } });
    expect(seeded.length).toBeGreaterThan(0);
    const expected = plantedGroups(seed);
    expect(expected.length).toBeGreaterThan(20);

    const scan = await scanToEnd(seed.datasetId);
    const current = seed.rows.filter((row) => row.current).length;
    expect(scan).toMatchObject({ status: "completed", processed: current, total: current, groups: expected.length, duplicateRows: expected.flat().length, threshold: 0.7 });
    expect(await groupsInDatabase(seed.datasetId)).toEqual(expected);
    expect(await context.engine.db.duplicateGroup.count({ where: { datasetId: seed.datasetId } })).toBe(expected.length);
    expect(await context.engine.db.duplicateGroup.count({ where: { id: { in: seeded.map((group) => group.id) } } })).toBe(0);

    // The grid's filter sees them, and the groups list them with their rows.
    expect((await context.caller.rows.count({ datasetId: seed.datasetId, filter: { duplicates: true } })).total).toBe(expected.flat().length);
    const listed = await context.caller.insights.duplicateGroups({ datasetId: seed.datasetId, pageSize: 100 });
    expect(listed.total).toBe(expected.length);
    const byId = new Map(seed.rows.map((row) => [row.id, row]));
    for (const group of listed.groups) {
      expect(group.size).toBe(group.rows.length);
      expect(group.similarity).toBeGreaterThanOrEqual(0.7);
      // Planted copies differ only in punctuation: the same words.
      const texts = new Set(group.rows.map((row) => byId.get(row.id)!.text.replace(/[.!]$/, "")));
      expect(texts.size).toBe(1);
    }
  });

  it("a rescan replaces the previous groups; distinct texts stay ungrouped; a second start while one runs returns it", async () => {
    const seed = buildSeedDataset(200, 11);
    await insertSeedDataset(context.engine.db, seed);
    await scanToEnd(seed.datasetId);
    const before = await groupsInDatabase(seed.datasetId);
    // Every row made distinct: a rescan finds nothing and clears the old groups.
    await poolOf(context.engine.db).query(`UPDATE rows SET text = id::text || ' ' || md5(id::text) || ' unique words here' WHERE dataset_id = $1`, [seed.datasetId]);
    const rescan = await scanToEnd(seed.datasetId);
    expect(before.length).toBeGreaterThan(0);
    expect(rescan).toMatchObject({ groups: 0, duplicateRows: 0 });
    expect(await groupsInDatabase(seed.datasetId)).toEqual([]);
    expect(await context.engine.db.duplicateGroup.count({ where: { datasetId: seed.datasetId } })).toBe(0);

    // Without a worker queue the scan runs in the caller's process; while it is queued, starting again returns it.
    const inline = createCaller(contextAs("owner", { db: context.engine.db, queue: { enqueue: async () => undefined } }));
    const queued = await context.engine.db.duplicateScan.create({ data: { datasetId: seed.datasetId, threshold: 0.7 } });
    expect((await inline.insights.scanDuplicates({ datasetId: seed.datasetId })).id).toBe(queued.id);
  });

  it("keep one, reject the rest: one undoable review action over the group's current rows", async () => {
    const seed = buildSeedDataset(1500, 3);
    await insertSeedDataset(context.engine.db, seed);
    await scanToEnd(seed.datasetId);
    const { groups } = await context.caller.insights.duplicateGroups({ datasetId: seed.datasetId, pageSize: 100 });
    const group = groups.find((candidate) => candidate.size >= 2)!;
    const keep = group.rows.at(-1)!;
    const before = await context.engine.db.review.findUnique({ where: { rowId: keep.id }, select: { status: true } });

    const result = await context.caller.insights.keepOne({ datasetId: seed.datasetId, groupId: group.id, keepRowId: keep.id });
    expect(result.rejected).toBe(group.size - 1);
    const statuses = await context.engine.db.row.findMany({ where: { duplicateGroupId: group.id, current: true }, select: { id: true, review: { select: { status: true } } } });
    for (const row of statuses) {
      if (row.id === keep.id) expect(row.review?.status ?? null).toBe(before?.status ?? null);
      else expect(row.review?.status).toBe("rejected");
    }
    // Rows outside the group are untouched; a row that is not in the group cannot be kept.
    const other = seed.rows.find((row) => row.current && !group.rows.some((member) => member.id === row.id))!;
    await expect(context.caller.insights.keepOne({ datasetId: seed.datasetId, groupId: group.id, keepRowId: other.id })).rejects.toThrow(/not a current row of this near-duplicate group/);
    await expect(context.caller.insights.keepOne({ datasetId: seed.datasetId, groupId: randomUUID(), keepRowId: keep.id })).rejects.toThrow(/not a current row/);
    // It is a review action like the focus view's: undo brings the reviews back.
    const action = await context.engine.db.reviewAction.findUniqueOrThrow({ where: { id: result.actionId! } });
    expect(action).toMatchObject({ kind: "reject", count: group.size - 1 });
    const seeded = new Map(seed.rows.map((row) => [row.id, row.review?.status ?? null]));
    expect(await undoReviewActionRows(context.engine.db, seed.datasetId, result.actionId!)).toMatchObject({ restored: group.size - 1, skipped: 0 });
    const undone = await context.engine.db.row.findMany({ where: { duplicateGroupId: group.id, current: true }, select: { id: true, review: { select: { status: true } } } });
    for (const row of undone) expect(row.review?.status ?? null).toBe(seeded.get(row.id));
  });
});
