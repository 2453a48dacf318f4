// Review actions through the API: each single action, edit validation, bulk on a
// filter (checked against a plain JS reading of the seed), and undo restoring the
// exact previous state of exactly the touched rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RowFilter } from "@/lib/review/row-filter";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTypedDataset } from "@/server/testing/review-factory";
import { buildSeedDataset, insertSeedDataset, SEED_LABELS, type SeedDataset, type SeedRow } from "@/server/testing/review-rows";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let anaCaller: ReturnType<typeof createCaller>;
let editorCaller: ReturnType<typeof createCaller>;
let zoeCaller: ReturnType<typeof createCaller>;
let seed: SeedDataset;

const classificationDesign = (multiLabel: boolean) => ({ name: "review-seed", type: "classification", labels: SEED_LABELS.map((name) => ({ name, description: `about ${name}` })), multiLabel });

async function setDesign(datasetId: string, design: object) {
  await database.db.dataset.update({ where: { id: datasetId }, data: { design } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const base = { db: database.db, queue: { enqueue: async () => {}, submitBatches: async () => {} } };
  caller = createCaller(contextAs("owner", base));
  // Reviews are recorded as the caller: these are other people.
  anaCaller = createCaller(contextAs("annotator", base));
  editorCaller = createCaller(contextAs("editor", base));
  zoeCaller = createCaller(contextAs("annotator", base, { id: "zoe", name: "Zoe" }));
  seed = buildSeedDataset(2_000, 21);
  await insertSeedDataset(database.db, seed);
  await setDesign(seed.datasetId, classificationDesign(false));
});

afterAll(async () => {
  await database?.drop();
});

type ReviewState = { status: string; editedData: unknown; labels: string[]; rating: number | null; comment: string | null; reviewer: string | null; reviewedAt: Date | null };

/** Every review of a dataset, by row id (a row without review is absent). */
async function reviewsOf(datasetId: string): Promise<Map<string, ReviewState>> {
  const reviews = await database.db.review.findMany({
    where: { datasetId },
    select: { rowId: true, status: true, editedData: true, labels: true, rating: true, comment: true, reviewer: true, reviewedAt: true },
  });
  return new Map(reviews.map(({ rowId, ...state }) => [rowId, state]));
}

const freshRow = (data: SeedDataset, skip = 0) => data.rows.filter((row) => row.current && !row.review)[skip]!;

describe("single-row actions", () => {
  it("accepts, rejects and resets, recording who and when, one action each", async () => {
    const row = freshRow(seed);
    const before = Date.now();
    const accepted = await caller.reviews.setStatus({ datasetId: seed.datasetId, rowId: row.id, status: "accepted" });
    expect(accepted.review).toMatchObject({ status: "accepted", reviewer: "Olivia Owner", lastActionId: accepted.actionId });
    expect(accepted.review!.reviewedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const rejected = await anaCaller.reviews.setStatus({ datasetId: seed.datasetId, rowId: row.id, status: "rejected" });
    expect(rejected.review).toMatchObject({ status: "rejected", reviewer: "Ana Annotator" });
    const reset = await caller.reviews.setStatus({ datasetId: seed.datasetId, rowId: row.id, status: "pending" });
    expect(reset.review).toMatchObject({ status: "pending", reviewer: "Olivia Owner" });

    const actions = await database.db.reviewAction.findMany({ where: { id: { in: [accepted.actionId, rejected.actionId, reset.actionId] } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((action) => [action.kind, action.count, action.actor])).toEqual([
      ["accept", 1, "Olivia Owner"],
      ["reject", 1, "Ana Annotator"],
      ["reset", 1, "Olivia Owner"],
    ]);
  });

  it("sets labels from the design (one unless multi-label), and clears them", async () => {
    const row = freshRow(seed, 1);
    const set = await caller.reviews.setLabels({ datasetId: seed.datasetId, rowId: row.id, labels: ["bug", "bug"] });
    expect(set.review!.labels).toEqual(["bug"]);
    await expect(caller.reviews.setLabels({ datasetId: seed.datasetId, rowId: row.id, labels: ["refunds"] })).rejects.toThrow(/"refunds" is not a label of this dataset \(its labels: billing, bug/);
    await expect(caller.reviews.setLabels({ datasetId: seed.datasetId, rowId: row.id, labels: ["bug", "billing"] })).rejects.toThrow(/single-label/);

    const other = await createTypedDataset(database.db, "classification", classificationDesign(true), [{ text: "My card was charged twice and the app crashed.", label: "billing", language: "en" }]);
    const multi = await caller.reviews.setLabels({ datasetId: other.datasetId, rowId: other.rowIds[0]!, labels: ["billing", "bug"] });
    expect(multi.review!.labels).toEqual(["billing", "bug"]);

    const cleared = await caller.reviews.setLabels({ datasetId: seed.datasetId, rowId: row.id, labels: [] });
    expect(cleared.review!.labels).toEqual([]);
    // The status was never touched: a labels-only review stays pending.
    expect(cleared.review!.status).toBe("pending");
  });

  it("rates 1 to 5 and comments; null clears either", async () => {
    const row = freshRow(seed, 2);
    expect((await caller.reviews.rate({ datasetId: seed.datasetId, rowId: row.id, rating: 4 })).review!.rating).toBe(4);
    await expect(caller.reviews.rate({ datasetId: seed.datasetId, rowId: row.id, rating: 6 })).rejects.toThrow(/1 to 5/);
    expect((await caller.reviews.comment({ datasetId: seed.datasetId, rowId: row.id, comment: "Too formal." })).review).toMatchObject({ comment: "Too formal.", rating: 4 });
    expect((await caller.reviews.comment({ datasetId: seed.datasetId, rowId: row.id, comment: "  " })).review!.comment).toBeNull();
    expect((await caller.reviews.rate({ datasetId: seed.datasetId, rowId: row.id, rating: null })).review!.rating).toBeNull();
  });

  it("refuses a row of another dataset", async () => {
    const other = buildSeedDataset(10, 99);
    await insertSeedDataset(database.db, other);
    await expect(caller.reviews.setStatus({ datasetId: seed.datasetId, rowId: other.rows[0]!.id, status: "accepted" })).rejects.toThrow(/not a row of this dataset/);
    expect(await database.db.review.count({ where: { rowId: other.rows[0]!.id, reviewer: { not: null } } })).toBe(0);
  });
});

describe("edits", () => {
  const mcq = { instruction: "What colour is the sky on a clear day?", answer: "Blue", distractors: ["Green", "Red", "Yellow"], source: "Sky facts.", language: "en" };

  it("stores only the edited fields; the row keeps its original data", async () => {
    const { datasetId, rowIds } = await createTypedDataset(database.db, "mcq", {}, [mcq]);
    const saved = await caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { answer: "Blue.", distractors: ["Green", "Red", "Purple"], instruction: mcq.instruction } });
    // "Blue." equals "Blue" for distinctness, but it is still a change of the text.
    expect(saved.review!.editedData).toEqual({ answer: "Blue.", distractors: ["Green", "Red", "Purple"] });
    expect((await database.db.row.findUniqueOrThrow({ where: { id: rowIds[0]! } })).data).toEqual(mcq);
    const action = await database.db.reviewAction.findUniqueOrThrow({ where: { id: saved.actionId } });
    expect(action).toMatchObject({ kind: "edit", count: 1, value: { fields: ["answer", "distractors"] } });

    // Sending the original values back removes the edit.
    const reverted = await caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { answer: "Blue", distractors: mcq.distractors } });
    expect(reverted.review!.editedData).toBeNull();
  });

  it("rejects an edit that makes an invalid row, naming the field, and keeps the previous state", async () => {
    const { datasetId, rowIds } = await createTypedDataset(database.db, "mcq", {}, [mcq]);
    const rowId = rowIds[0]!;
    await caller.reviews.edit({ datasetId, rowId, data: { instruction: "What colour is a clear sky?" } });

    await expect(caller.reviews.edit({ datasetId, rowId, data: { distractors: ["Green", "blue", "Yellow"] } })).rejects.toThrow(/distractors\[1\] distractor 2 is the same as the answer/);
    // Changing the answer into a distractor is caught too, though the distractor is the field named.
    await expect(caller.reviews.edit({ datasetId, rowId, data: { answer: "Red" } })).rejects.toThrow(/distractors\[1\].*same as the answer/);
    await expect(caller.reviews.edit({ datasetId, rowId, data: { distractors: ["Green", "Red"] } })).rejects.toThrow(/distractors/);
    await expect(caller.reviews.edit({ datasetId, rowId, data: { instruction: "" } })).rejects.toThrow(/instruction cannot be empty/);
    await expect(caller.reviews.edit({ datasetId, rowId, data: { language: "fr" } })).rejects.toThrow(/language is not an editable field of a mcq row/);

    const review = await database.db.review.findUniqueOrThrow({ where: { rowId } });
    expect(review.editedData).toEqual({ instruction: "What colour is a clear sky?" });
    expect((await database.db.row.findUniqueOrThrow({ where: { id: rowId } })).data).toEqual(mcq);
  });

  it("edits a conversation's contents but not its roles or turns", async () => {
    const conversation = { messages: [{ role: "user", content: "Hi, can you help?" }, { role: "assistant", content: "Of course." }], persona: "a student", topic: "maths", subtopic: "fractions", language: "en" };
    const { datasetId, rowIds } = await createTypedDataset(database.db, "conversation", {}, [conversation]);
    const messages = [conversation.messages[0]!, { role: "assistant", content: "Of course! What do you need?" }];
    const saved = await caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { messages } });
    expect(saved.review!.editedData).toEqual({ messages });
    await expect(caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { messages: [messages[0], { role: "user", content: "x" }] } })).rejects.toThrow(/messages\[1\]\.role must stay "assistant"/);
    await expect(caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { messages: messages.slice(0, 1) } })).rejects.toThrow(/messages/);
  });

  it("validates a transform's output fields by their declared type", async () => {
    const design = { outputFields: [{ name: "sentiment", type: "enum", values: ["positive", "negative"] }, { name: "summary", type: "string" }] };
    const { datasetId, rowIds } = await createTypedDataset(database.db, "transform", design, [{ review: "Great app", sentiment: "positive", summary: "Likes it." }]);
    expect((await caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { sentiment: "negative" } })).review!.editedData).toEqual({ sentiment: "negative" });
    await expect(caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { sentiment: "meh" } })).rejects.toThrow(/sentiment must be one of positive, negative/);
    await expect(caller.reviews.edit({ datasetId, rowId: rowIds[0]!, data: { review: "changed input" } })).rejects.toThrow(/review is not an editable field/);
  });
});

// Independent of the SQL: which seed rows a filter means.
const statusOf = (row: SeedRow) => row.review?.status ?? "pending";
const labelsOf = (row: SeedRow) => (row.review && row.review.labels.length > 0 ? row.review.labels : row.labels);
function matches(row: SeedRow, filter: { status: string[]; labels: string[]; tones: string[] }) {
  return row.current && filter.status.includes(statusOf(row)) && labelsOf(row).some((label) => filter.labels.includes(label)) && filter.tones.includes(row.variables.tone!);
}

describe("bulk actions and undo", () => {
  let bulkSeed: SeedDataset;
  const condition = { status: ["pending"], labels: ["bug", "billing"], tones: ["angry", "polite"] };
  const filter: RowFilter = { status: ["pending"], labels: ["bug", "billing"], variables: { tone: ["angry", "polite"] } };

  beforeAll(async () => {
    bulkSeed = buildSeedDataset(3_000, 5);
    await insertSeedDataset(database.db, bulkSeed);
    await setDesign(bulkSeed.datasetId, classificationDesign(false));
  });

  it("rejects exactly the rows matching the filter at apply time, and undo restores every touched row exactly", async () => {
    const expected = new Set(bulkSeed.rows.filter((row) => matches(row, condition)).map((row) => row.id));
    // Rows without a review and rows with one are both among them, or the test would prove less.
    expect([...expected].filter((id) => bulkSeed.rows.find((row) => row.id === id)!.review === null).length).toBeGreaterThan(50);
    expect([...expected].filter((id) => bulkSeed.rows.find((row) => row.id === id)!.review !== null).length).toBeGreaterThan(5);
    const before = await reviewsOf(bulkSeed.datasetId);

    expect((await caller.reviews.bulkCount({ datasetId: bulkSeed.datasetId, target: { filter } })).count).toBe(expected.size);
    const bulk = await editorCaller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { filter }, action: { kind: "reject" } });
    expect(bulk.count).toBe(expected.size);
    expect(bulk.message).toBe(`Rejected ${expected.size.toLocaleString("en-US")} rows.`);

    const after = await reviewsOf(bulkSeed.datasetId);
    for (const row of bulkSeed.rows) {
      if (expected.has(row.id)) {
        expect(after.get(row.id)).toMatchObject({ status: "rejected", reviewer: "Eddie Editor", labels: before.get(row.id)?.labels ?? [], editedData: before.get(row.id)?.editedData ?? null });
      } else {
        expect(after.get(row.id)).toEqual(before.get(row.id));
      }
    }
    const action = await database.db.reviewAction.findUniqueOrThrow({ where: { id: bulk.actionId! } });
    expect(action).toMatchObject({ kind: "reject", count: expected.size, actor: "Eddie Editor", filter });
    expect(await database.db.reviewActionRow.count({ where: { actionId: bulk.actionId! } })).toBe(expected.size);

    const undo = await caller.reviews.undo({ datasetId: bulkSeed.datasetId, actionId: bulk.actionId! });
    expect(undo).toMatchObject({ restored: expected.size, skipped: 0 });
    expect(await reviewsOf(bulkSeed.datasetId)).toEqual(before);
    await expect(caller.reviews.undo({ datasetId: bulkSeed.datasetId, actionId: bulk.actionId! })).rejects.toThrow(/already undone/);
    const history = await caller.reviews.history({ datasetId: bulkSeed.datasetId });
    expect(history[0]).toMatchObject({ id: bulk.actionId, label: `Rejected ${expected.size.toLocaleString("en-US")} rows`, target: "status = pending, label = bug or billing, tone = angry or polite", undoSkipped: 0 });
    expect(history[0]!.undoneAt).not.toBeNull();
  });

  it("undo leaves rows changed again since as they are, and says how many", async () => {
    const before = await reviewsOf(bulkSeed.datasetId);
    const bulk = await caller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { filter }, action: { kind: "accept" } });
    const touched = bulkSeed.rows.filter((row) => matches(row, condition));
    const [changedNew, changedOld] = [touched.find((row) => !row.review)!, touched.find((row) => row.review)!];
    await zoeCaller.reviews.setStatus({ datasetId: bulkSeed.datasetId, rowId: changedNew.id, status: "rejected" });
    await zoeCaller.reviews.setLabels({ datasetId: bulkSeed.datasetId, rowId: changedOld.id, labels: ["praise"] });

    const undo = await caller.reviews.undo({ datasetId: bulkSeed.datasetId, actionId: bulk.actionId! });
    expect(undo).toMatchObject({ restored: bulk.count - 2, skipped: 2 });
    expect(undo.message).toMatch(/2 rows changed again since were left as they are/);
    const after = await reviewsOf(bulkSeed.datasetId);
    expect(after.get(changedNew.id)).toMatchObject({ status: "rejected", reviewer: "Zoe" });
    expect(after.get(changedOld.id)).toMatchObject({ status: "accepted", labels: ["praise"], reviewer: "Zoe" });
    for (const row of bulkSeed.rows) if (row.id !== changedNew.id && row.id !== changedOld.id) expect(after.get(row.id)).toEqual(before.get(row.id));
  });

  it("undoes actions in turn back to a row with no review at all", async () => {
    const row = freshRow(bulkSeed, 7);
    const first = await caller.reviews.setStatus({ datasetId: bulkSeed.datasetId, rowId: row.id, status: "accepted" });
    const second = await caller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { ids: [row.id] }, action: { kind: "labels", labels: ["shipping"] } });
    await caller.reviews.undo({ datasetId: bulkSeed.datasetId, actionId: second.actionId! });
    expect((await reviewsOf(bulkSeed.datasetId)).get(row.id)).toMatchObject({ status: "accepted", labels: [] });
    await caller.reviews.undo({ datasetId: bulkSeed.datasetId, actionId: first.actionId });
    expect((await reviewsOf(bulkSeed.datasetId)).has(row.id)).toBe(false);
  });

  it("labels the selected rows only, with the design's labels", async () => {
    const ids = bulkSeed.rows.filter((row) => row.current).slice(100, 103).map((row) => row.id);
    await expect(caller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { ids }, action: { kind: "labels", labels: ["nope"] } })).rejects.toThrow(/not a label/);
    const before = await reviewsOf(bulkSeed.datasetId);
    expect((await caller.reviews.bulkCount({ datasetId: bulkSeed.datasetId, target: { ids } })).count).toBe(3);
    const bulk = await caller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { ids }, action: { kind: "labels", labels: ["feature"] } });
    expect(bulk.count).toBe(3);
    const after = await reviewsOf(bulkSeed.datasetId);
    for (const row of bulkSeed.rows) expect(after.get(row.id)).toEqual(ids.includes(row.id) ? expect.objectContaining({ labels: ["feature"], status: before.get(row.id)?.status ?? "pending" }) : before.get(row.id));
  });

  it("changes nothing and records nothing when no row matches", async () => {
    const countBefore = await database.db.reviewAction.count();
    const bulk = await caller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { filter: { q: "nosuchwordanywhere" } }, action: { kind: "reject" } });
    expect(bulk).toMatchObject({ count: 0, actionId: null });
    expect(await database.db.reviewAction.count()).toBe(countBefore);
  });
});
