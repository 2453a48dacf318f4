import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { executeWorkItem } from "@/server/generation/execute-item";
import { claimWorkItem, commitItemFailure, commitItemSuccess, createRunWithItems } from "@/server/generation/queries";
import { launchRun } from "@/server/generation/service";
import type { PlannedItem } from "@/server/generation/plan";
import { supportIntentsDesign } from "@/server/testing/designs";
import { waitForRun } from "@/server/testing/engine";
import { useTestEngine } from "@/server/testing/engine-caller";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";

const context = useTestEngine();
/** Plans runs without delivering their items: the test delivers them. */
let quietCaller: ReturnType<typeof createCaller>;

beforeAll(() => {
  quietCaller = createCaller(contextAs("owner", { db: context.engine.db, queue: { enqueue: async () => undefined } }));
});

/** A finished 20-row dataset (2 labels × 2 tones, 5 rows an item). */
async function generatedDataset(name: string) {
  const dataset = await createDataset(context.engine.db, supportIntentsDesign(context.engine.mock.url, { name }));
  const launched = await launchRun(context.engine.db, context.engine.queue, dataset.id);
  expect((await waitForRun(context.engine, launched.runId)).status).toBe("completed");
  return dataset.id;
}

const rowSelect = { id: true, text: true, current: true, replacesRowId: true, prompt: true, workItemId: true, labels: true, runId: true } as const;

async function currentRows(datasetId: string) {
  return context.engine.db.row.findMany({ where: { datasetId, current: true }, select: rowSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The regeneration run's items, planned but not delivered: the test delivers them. */
async function plannedRegeneration(datasetId: string, rowIds: string[], instruction?: string) {
  const { runId } = await quietCaller.insights.regenerate({ datasetId, rowIds, instruction });
  const items = await context.engine.db.workItem.findMany({ where: { runId }, orderBy: { ordinal: "asc" }, select: { id: true, key: true, ordinal: true, payload: true, expectedRows: true } });
  return { runId, items };
}

describe("regeneration", () => {
  it("replaces exactly the chosen rows: new current versions with the instruction, the old kept as history with their reviews", async () => {
    const datasetId = await generatedDataset("regenerate-chosen");
    const before = await currentRows(datasetId);
    expect(before).toHaveLength(20);
    // Two rows of one five-row item and one of another item: each becomes its own one-sample item.
    const [firstItem, secondItem] = [...new Set(before.map((row) => row.workItemId))];
    const ofFirst = before.filter((row) => row.workItemId === firstItem).slice(0, 2);
    const ofSecond = before.find((row) => row.workItemId === secondItem)!;
    const chosen = [...ofFirst, ofSecond];
    await context.engine.db.review.create({ data: { rowId: chosen[0]!.id, datasetId, status: "rejected", comment: "too formal" } });

    const estimate = await context.caller.insights.regenerationEstimate({ datasetId, rowIds: chosen.map((row) => row.id) });
    expect(estimate).toMatchObject({ rows: 3, inFlight: 0 });
    const { runId, plannedRows } = await context.caller.insights.regenerate({ datasetId, rowIds: chosen.map((row) => row.id), instruction: "make the tone less formal" });
    expect(plannedRows).toBe(3);
    const run = await waitForRun(context.engine, runId);
    expect(run).toMatchObject({ status: "completed", kind: "regeneration", instruction: "make the tone less formal", succeededRows: 3, plannedRows: 3 });

    const items = await context.engine.db.workItem.findMany({ where: { runId }, select: { payload: true, expectedRows: true } });
    for (const item of items) {
      expect(item.expectedRows).toBe(1);
      expect(item.payload).toMatchObject({ samples: 1, instruction: "make the tone less formal" });
    }
    expect(items.map((item) => (item.payload as { replacesRowId: string }).replacesRowId).sort()).toEqual(chosen.map((row) => row.id).sort());

    const after = await currentRows(datasetId);
    expect(after).toHaveLength(20);
    const untouched = before.filter((row) => !chosen.includes(row));
    expect(after.filter((row) => row.replacesRowId === null).map((row) => row.id).sort()).toEqual(untouched.map((row) => row.id).sort());
    const successors = after.filter((row) => row.replacesRowId !== null);
    expect(successors.map((row) => row.replacesRowId).sort()).toEqual(chosen.map((row) => row.id).sort());
    for (const row of successors) {
      const old = chosen.find((candidate) => candidate.id === row.replacesRowId)!;
      expect(row.runId).toBe(runId);
      expect(row.labels).toEqual(old.labels);
      // One sample asked for, the instruction appended.
      expect(row.prompt).toMatch(/^Write 1 short English customer messages about (billing|bug) .*\n\nAdditional instruction: make the tone less formal$/);
      expect(old.prompt).toMatch(/^Write 5 short/);
    }
    // The old versions stay, not current; the review stays with the row it was about, the new row is pending.
    const old = await context.engine.db.row.findMany({ where: { id: { in: chosen.map((row) => row.id) } }, select: { current: true } });
    expect(old.map((row) => row.current)).toEqual([false, false, false]);
    const reviews = await context.engine.db.review.findMany({ where: { datasetId }, select: { rowId: true, status: true } });
    expect(reviews).toEqual([{ rowId: chosen[0]!.id, status: "rejected" }]);
    expect(await context.engine.db.row.count({ where: { datasetId } })).toBe(23);
    expect(await context.caller.runs.list({ datasetId })).toEqual(expect.arrayContaining([expect.objectContaining({ id: runId, kind: "regeneration" })]));
  });

  it("regenerates every row matching a filter, and nothing else", async () => {
    const datasetId = await generatedDataset("regenerate-filter");
    const before = await currentRows(datasetId);
    const bugs = before.filter((row) => row.labels.includes("bug"));
    expect(bugs).toHaveLength(10);
    // A reviewed relabel counts: the filter reads the reviewed labels.
    const relabelled = before.find((row) => row.labels.includes("billing"))!;
    await context.engine.db.review.create({ data: { rowId: relabelled.id, datasetId, labels: ["bug"] } });

    expect(await context.caller.insights.regenerationEstimate({ datasetId, filter: { labels: ["bug"] } })).toMatchObject({ rows: 11, inFlight: 0 });
    const { runId } = await context.caller.insights.regenerate({ datasetId, filter: { labels: ["bug"] } });
    // While it runs, the same rows are not planned twice.
    expect(await context.caller.insights.regenerationEstimate({ datasetId, filter: { labels: ["bug"] } })).toMatchObject({ inFlight: expect.any(Number) });
    expect((await waitForRun(context.engine, runId)).succeededRows).toBe(11);

    const after = await currentRows(datasetId);
    expect(after).toHaveLength(20);
    const replaced = new Set([...bugs.map((row) => row.id), relabelled.id]);
    expect(new Set(after.filter((row) => row.replacesRowId !== null).map((row) => row.replacesRowId))).toEqual(replaced);
    expect(after.filter((row) => row.replacesRowId === null).every((row) => !replaced.has(row.id))).toBe(true);
    // Without an instruction the prompt is the item's own, for one sample.
    expect(after.filter((row) => row.replacesRowId !== null).every((row) => row.prompt.startsWith("Write 1 ") && !row.prompt.includes("Additional instruction"))).toBe(true);
  });

  it("a row already being regenerated is not planned again", async () => {
    const datasetId = await generatedDataset("regenerate-in-flight");
    const [row] = await currentRows(datasetId);
    await plannedRegeneration(datasetId, [row!.id]);
    expect(await context.caller.insights.regenerationEstimate({ datasetId, rowIds: [row!.id] })).toMatchObject({ rows: 0, inFlight: 1 });
    await expect(context.caller.insights.regenerate({ datasetId, rowIds: [row!.id] })).rejects.toThrow(/already being regenerated/);
  });

  it("a redelivered regeneration item still yields exactly one current row", async () => {
    const datasetId = await generatedDataset("regenerate-redelivery");
    const [row] = await currentRows(datasetId);
    const { runId, items } = await plannedRegeneration(datasetId, [row!.id], "shorter");
    const [item] = items;
    // Worker "dead" claimed the item and vanished; "alive" runs it again after the lease.
    await context.engine.db.workItem.update({ where: { id: item!.id }, data: { status: "running", claimedBy: "dead", attempts: 1, leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await executeWorkItem(context.engine.db, item!.id, { workerId: "alive", timeoutMs: 5000 })).toBe("succeeded");
    const successor = await context.engine.db.row.findFirstOrThrow({ where: { replacesRowId: row!.id }, select: { id: true, current: true, text: true } });
    // The dead worker's late commit, and any later delivery, change nothing.
    const late = { datasetId, runId, workItemId: item!.id, index: 0, data: { text: "late" }, text: "late", labels: ["billing"], language: "en", model: "mock-1", connectionId: null, prompt: "p", variables: {}, parameters: {}, inputTokens: 1, outputTokens: 1, reasoningTokens: 0, costUsd: 0, latencyMs: 1, replacesRowId: row!.id };
    expect(await commitItemSuccess(context.engine.db, { workItemId: item!.id, runId, workerId: "dead", rows: [late], attempts: [], inputTokens: 1, outputTokens: 1, costUsd: 0 })).toBe(false);
    expect(await executeWorkItem(context.engine.db, item!.id, { workerId: "again", timeoutMs: 5000 })).toBe("skipped");

    const versions = await context.engine.db.row.findMany({ where: { OR: [{ id: row!.id }, { replacesRowId: row!.id }] }, select: { id: true, current: true } });
    expect(versions).toHaveLength(2);
    expect(versions.filter((version) => version.current)).toEqual([{ id: successor.id, current: true }]);
    expect(await context.engine.db.row.count({ where: { datasetId, current: true } })).toBe(20);
  });

  it("two items replacing one row, committed together or one after the other, leave exactly one current successor", async () => {
    const datasetId = await generatedDataset("regenerate-race");
    const rows = await currentRows(datasetId);
    for (const [index, together] of [true, false].entries()) {
      const row = rows[index]!;
      const { runId, items } = await plannedRegeneration(datasetId, [row.id], "first");
      // The same replacement planned again in a second run (as two clicks racing would).
      const copy: PlannedItem[] = items.map((item) => ({ key: item.key, ordinal: 0, expectedRows: 1, payload: item.payload as PlannedItem["payload"] }));
      const second = await createRunWithItems(context.engine.db, { datasetId, snapshotId: (await context.engine.db.run.findUniqueOrThrow({ where: { id: runId } })).snapshotId, plannedRows: 1, items: copy, purpose: { kind: "regeneration" } });
      const ids = [items[0]!.id, second.itemIds[0]!];
      const outcomes = together
        ? await Promise.all(ids.map((id, n) => executeWorkItem(context.engine.db, id, { workerId: `w${n}`, timeoutMs: 5000 })))
        : [await executeWorkItem(context.engine.db, ids[0]!, { workerId: "w0", timeoutMs: 5000 }), await executeWorkItem(context.engine.db, ids[1]!, { workerId: "w1", timeoutMs: 5000 })];
      expect(outcomes).toEqual(["succeeded", "succeeded"]);
      const successors = await context.engine.db.row.findMany({ where: { replacesRowId: row.id }, select: { current: true } });
      expect(successors).toHaveLength(2);
      expect(successors.filter((successor) => successor.current)).toHaveLength(1);
      expect((await context.engine.db.row.findUniqueOrThrow({ where: { id: row.id } })).current).toBe(false);
    }
    expect(await context.engine.db.row.count({ where: { datasetId, current: true } })).toBe(20);
  });

  it("two items replacing one row in the same commit statement leave exactly one current successor", async () => {
    const datasetId = await generatedDataset("regenerate-one-statement");
    const [blockerRow, row] = await currentRows(datasetId);
    const blocker = await plannedRegeneration(datasetId, [blockerRow!.id]);
    const first = await plannedRegeneration(datasetId, [row!.id]);
    const copy: PlannedItem[] = first.items.map((item) => ({ key: item.key, ordinal: 0, expectedRows: 1, payload: item.payload as PlannedItem["payload"] }));
    const snapshotId = (await context.engine.db.run.findUniqueOrThrow({ where: { id: first.runId } })).snapshotId;
    const second = await createRunWithItems(context.engine.db, { datasetId, snapshotId, plannedRows: 1, items: copy, purpose: { kind: "regeneration" } });
    const commits = [
      { runId: blocker.runId, itemId: blocker.items[0]!.id, replaces: blockerRow!.id },
      { runId: first.runId, itemId: first.items[0]!.id, replaces: row!.id },
      { runId: second.runId, itemId: second.itemIds[0]!, replaces: row!.id },
    ];
    for (const commit of commits) expect(await claimWorkItem(context.engine.db, commit.itemId, "w")).toBeDefined();
    // Submitted in one tick: the first goes out alone, the two others wait for it and share the next statement.
    const results = await Promise.all(commits.map((commit, n) => commitItemSuccess(context.engine.db, {
      workItemId: commit.itemId, runId: commit.runId, workerId: "w", attempts: [], inputTokens: 1, outputTokens: 1, costUsd: 0,
      rows: [{ datasetId, runId: commit.runId, workItemId: commit.itemId, index: 0, data: { text: `v${n}` }, text: `v${n}`, labels: ["billing"], language: "en", model: "mock-1", connectionId: null, prompt: "p", variables: {}, parameters: {}, inputTokens: 1, outputTokens: 1, reasoningTokens: 0, costUsd: 0, latencyMs: 1, replacesRowId: commit.replaces }],
    })));
    expect(results).toEqual([true, true, true]);
    const successors = await context.engine.db.row.findMany({ where: { replacesRowId: row!.id }, select: { current: true, createdAt: true } });
    expect(successors).toHaveLength(2);
    // Same statement, same transaction: both rows have the same creation time.
    expect(successors[0]!.createdAt.getTime()).toBe(successors[1]!.createdAt.getTime());
    expect(successors.filter((successor) => successor.current)).toHaveLength(1);
    expect(await context.engine.db.row.count({ where: { datasetId, current: true } })).toBe(20);
  });

  it("a failed regeneration item leaves the row current", async () => {
    const datasetId = await generatedDataset("regenerate-failed");
    const [row] = await currentRows(datasetId);
    const { runId, items } = await plannedRegeneration(datasetId, [row!.id]);
    expect(await claimWorkItem(context.engine.db, items[0]!.id, "w")).toBeDefined();
    expect(await commitItemFailure(context.engine.db, { workItemId: items[0]!.id, runId, workerId: "w", expectedRows: 1, errorKind: "schema", message: "no", attempts: [] })).toBe(true);
    expect((await context.engine.db.row.findUniqueOrThrow({ where: { id: row!.id } })).current).toBe(true);
    expect(await context.engine.db.row.count({ where: { replacesRowId: row!.id } })).toBe(0);
    // Not in flight any more: it can be regenerated again.
    expect(await context.caller.insights.regenerationEstimate({ datasetId, rowIds: [row!.id] })).toMatchObject({ rows: 1, inFlight: 0 });
  });

  it("refuses rows whose work item's stored payload does not parse, naming them and the fix, and plans nothing", async () => {
    const datasetId = await generatedDataset("regenerate-unreadable");
    const rows = await currentRows(datasetId);
    const [firstItem, secondItem] = [...new Set(rows.map((row) => row.workItemId))];
    const broken = rows.find((row) => row.workItemId === secondItem)!;
    const fine = rows.find((row) => row.workItemId === firstItem)!;
    // A payload written by an older version, or edited by hand: its prompt is not text any more.
    const payload = (await context.engine.db.workItem.findUniqueOrThrow({ where: { id: secondItem }, select: { payload: true } })).payload as Record<string, unknown>;
    await context.engine.db.workItem.update({ where: { id: secondItem }, data: { payload: { ...payload, prompt: 42 } } });

    const refused = await context.caller.insights.regenerate({ datasetId, rowIds: [fine.id, broken.id] }).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    const message = (refused as TRPCError).message;
    expect(message).toContain(`Row ${broken.id} cannot be regenerated`);
    expect(message).toContain("prompt: Invalid input: expected string, received number");
    expect(message).toContain("Deselect it");
    expect(message).not.toContain(fine.id);
    // Every row of that item is named when a filter selects them all (the first few, then a count).
    const all = await context.caller.insights.regenerate({ datasetId, filter: {} }).then(() => undefined, (error: unknown) => error as TRPCError);
    expect(all!.code).toBe("BAD_REQUEST");
    const ofItem = rows.filter((row) => row.workItemId === secondItem);
    expect(ofItem.length).toBeGreaterThan(3);
    expect(all!.message).toContain(`${ofItem.length} of the selected rows cannot be regenerated`);
    expect(all!.message).toContain(`and ${ofItem.length - 3} more`);
    expect(await context.engine.db.run.count({ where: { datasetId, kind: "regeneration" } })).toBe(0);
    // The other rows still regenerate.
    const { plannedRows } = await quietCaller.insights.regenerate({ datasetId, rowIds: [fine.id] });
    expect(plannedRows).toBe(1);
  });

  it("refuses a selection with no current row", async () => {
    const datasetId = await generatedDataset("regenerate-nothing");
    await expect(context.caller.insights.regenerate({ datasetId, filter: { languages: ["fr"] } })).rejects.toThrow(/No row to regenerate/);
    expect(await context.engine.db.run.count({ where: { datasetId, kind: "regeneration" } })).toBe(0);
  });
});
