// Pulling annotators' answers back from the fake Argilla: accept, reject, labels and
// edits applied as ONE recorded review action per pull (rows reviewed by
// argilla:<username>, one undo reverts it all, also at 10,000 records), drafts ignored,
// conflicts with in-app reviews reported and kept, invalid corrections reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openArgillaTest, type ArgillaTest } from "@/server/testing/argilla-test";
import type { TestDatabase } from "@/server/testing/database";
import type { FakeArgilla } from "@/server/testing/fake-argilla-server";
import { createTypedDataset } from "@/server/testing/review-factory";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import { recordPull } from "@/server/review/actions";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let carla: ReturnType<typeof createCaller>;
let argilla: FakeArgilla;
let connectionId: string;

const design = { labels: [{ name: "billing", description: "money" }, { name: "bug", description: "crashes" }], multiLabel: false };
const tickets = ["My card was charged twice.", "The app crashes on start.", "Refund my last invoice.", "Login button does nothing.", "Why was I billed?", "Crash after update."].map((text, i) => ({
  text,
  label: i % 2 ? "bug" : "billing",
  language: "en",
}));

async function reviewOf(rowId: string) {
  return database.db.review.findUnique({ where: { rowId }, select: { status: true, labels: true, rating: true, editedData: true, reviewer: true } });
}

let setup: ArgillaTest;

beforeAll(async () => {
  setup = await openArgillaTest({ secret: "argilla-pull-test-secret-0123456789abcdef", users: ["ana", "ben"], connection: { name: "review-team", workspace: "reviews" } });
  ({ database, caller, argilla, connectionId } = setup);
  carla = createCaller(contextAs("annotator", setup.base, { name: "carla" }));
});

afterAll(() => setup?.close());

describe("pull", () => {
  it("applies submitted and discarded responses as review actions, reports conflicts, and a second pull changes nothing", async () => {
    const made = await createTypedDataset(database.db, "classification", design, tickets);
    const [relabel, discard, correct, conflict, draft, untouched] = made.rowIds as [string, string, string, string, string, string];
    const pushed = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    const id = pushed.argillaDatasetId;

    // A person rejects a row in the app after the push; Argilla later accepts it.
    await carla.reviews.setStatus({ datasetId: made.datasetId, rowId: conflict, status: "rejected" });
    argilla.respond(id, relabel, "ana", "submitted", { label: "bug" });
    argilla.respond(id, discard, "ben", "discarded");
    argilla.respond(id, correct, "ana", "submitted", { label: "billing", text_correction: "Please refund my last invoice." });
    argilla.respond(id, conflict, "ben", "submitted", { label: "bug" });
    argilla.respond(id, draft, "ana", "draft", { label: "billing" });

    const linkId = (await caller.argilla.status({ datasetId: made.datasetId })).links[0]!.id;
    expect(linkId).toBe(pushed.linkId);
    const report = await caller.argilla.pull({ datasetId: made.datasetId, linkId });
    expect(report).toMatchObject({ fetched: 4, changed: 3, unchanged: 0, conflicts: 1, conflictRowIds: [conflict], invalid: 0 });
    expect(report.message).toBe(
      "Pulled from Argilla: 4 answered records, 3 rows changed, 0 unchanged, 1 conflict with in-app reviews left as they are. One review action in the history (Argilla pull) undoes it all.",
    );

    expect(await reviewOf(relabel)).toEqual({ status: "accepted", labels: ["bug"], rating: null, editedData: null, reviewer: "argilla:ana" });
    expect(await reviewOf(discard)).toMatchObject({ status: "rejected", reviewer: "argilla:ben" });
    expect(await reviewOf(correct)).toMatchObject({ status: "accepted", labels: ["billing"], editedData: { text: "Please refund my last invoice." }, reviewer: "argilla:ana" });
    expect(await reviewOf(conflict)).toMatchObject({ status: "rejected" });
    expect(await reviewOf(draft)).toBeNull();
    expect(await reviewOf(untouched)).toBeNull();
    const row = await database.db.row.findUnique({ where: { id: correct }, select: { data: true } });
    expect((row!.data as { text: string }).text).toBe("Refund my last invoice.");

    // One action for the whole pull, whatever each row's change.
    const actions = await database.db.reviewAction.findMany({ where: { datasetId: made.datasetId, kind: "pull" }, select: { id: true, actor: true, count: true, value: true } });
    expect(actions).toEqual([
      {
        id: report.actionId,
        actor: "argilla:ana, ben",
        count: 3,
        value: { source: "Argilla", target: `reviews/${pushed.argillaDatasetName}`, reviewers: ["ana", "ben"], changes: { status: 3, labels: 2, rating: 0, edit: 1 } },
      },
    ]);
    const [latest] = await caller.reviews.history({ datasetId: made.datasetId, limit: 1 });
    expect(latest).toMatchObject({ id: report.actionId, label: "Argilla pull (3 rows)", actor: "argilla:ana, ben" });

    const again = await caller.argilla.pull({ datasetId: made.datasetId, linkId });
    expect(again).toMatchObject({ fetched: 4, changed: 0, unchanged: 3, conflicts: 1, actionId: null });
    const status = await caller.argilla.status({ datasetId: made.datasetId });
    expect(status.links[0]!.lastPullReport).toMatchObject({ fetched: 4, changed: 0, unchanged: 3, conflicts: 1, invalid: 0 });
  });

  it("overwrite applies Argilla's answer over an in-app review; undo restores the person's review", async () => {
    const made = await createTypedDataset(database.db, "classification", design, tickets.slice(0, 2));
    const [rowId] = made.rowIds as [string];
    const pushed = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    await carla.reviews.setStatus({ datasetId: made.datasetId, rowId, status: "rejected" });
    argilla.respond(pushed.argillaDatasetId, rowId, "ana", "submitted", { label: "billing" });

    const report = await caller.argilla.pull({ datasetId: made.datasetId, linkId: pushed.linkId, overwrite: true });
    expect(report).toMatchObject({ fetched: 1, changed: 1, conflicts: 0 });
    expect(await reviewOf(rowId)).toMatchObject({ status: "accepted", labels: ["billing"], reviewer: "argilla:ana" });

    const undone = await caller.reviews.undo({ datasetId: made.datasetId, actionId: report.actionId! });
    expect(undone.message).toBe("Restored 1 row to its previous review.");
    expect(await reviewOf(rowId)).toMatchObject({ status: "rejected", labels: [], reviewer: "carla" });
  });

  it("reviews made before the push are not conflicts; an invalid correction is reported, not applied", async () => {
    const mcq = { instruction: "What is 2+2?", answer: "4", distractors: ["3", "5", "22"], source: "arithmetic", language: "en" };
    const made = await createTypedDataset(database.db, "mcq", {}, [mcq, { ...mcq, instruction: "What is 3+3?", answer: "6", distractors: ["5", "7", "33"] }]);
    const [bad, good] = made.rowIds as [string, string];
    await carla.reviews.setStatus({ datasetId: made.datasetId, rowId: good, status: "rejected" });
    const pushed = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    argilla.respond(pushed.argillaDatasetId, bad, "ana", "submitted", { quality: 2, answer_correction: "5" });
    argilla.respond(pushed.argillaDatasetId, good, "ben", "submitted", { quality: 5, instruction_correction: "What is three plus three?" });

    const report = await caller.argilla.pull({ datasetId: made.datasetId, linkId: pushed.linkId });
    expect(report).toMatchObject({ fetched: 2, changed: 1, conflicts: 0, invalid: 1 });
    expect(report.invalidRows).toEqual([{ rowId: bad, message: expect.stringMatching(/invalid mcq row: distractors\[1\] distractor 2 is the same as the answer/) }]);
    expect(await reviewOf(bad)).toBeNull();
    expect(await reviewOf(good)).toMatchObject({ status: "accepted", rating: 5, editedData: { instruction: "What is three plus three?" }, reviewer: "argilla:ben" });
  });

  it("a dataset never pushed has no link to pull from", async () => {
    const made = await createTypedDataset(database.db, "text", {}, [{ text: "t", document_type: "email", topic: "x", language: "en" }]);
    await expect(caller.argilla.pull({ datasetId: made.datasetId, linkId: "7c1f0d52-0000-4000-8000-000000000001" })).rejects.toThrow(/never pushed to Argilla.*Push it first/);
  });

  it("a pull of 10,000 answered records is one review action, listed as such; one undo restores every row", async () => {
    const total = 10_000;
    const made = await createTypedDataset(database.db, "classification", design, []);
    await database.db.row.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        datasetId: made.datasetId,
        runId: made.runId,
        workItemId: made.workItemId,
        index,
        data: { text: `Ticket ${index}`, label: "billing", language: "en" },
        text: `Ticket ${index}`,
        labels: ["billing"],
        language: "en",
        model: "mock-1",
        prompt: "p",
        variables: {},
        parameters: {},
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, index)),
      })),
    });
    const rows = await database.db.row.findMany({ where: { datasetId: made.datasetId }, orderBy: { index: "asc" }, select: { id: true } });
    // Rejected in the app before the push (not conflicts; rows Argilla accepts), so undo must bring these reviews back.
    const earlier = rows.filter((_, index) => index < 13 && index % 4 !== 3).map((row) => row.id);
    expect(earlier).toHaveLength(10);
    await carla.reviews.bulk({ datasetId: made.datasetId, target: { ids: earlier }, action: { kind: "reject" } });
    const pushed = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(pushed).toMatchObject({ records: total, bulks: 20 });
    rows.forEach((row, index) => {
      if (index % 4 === 3) argilla.respond(pushed.argillaDatasetId, row.id, "ben", "discarded");
      else argilla.respond(pushed.argillaDatasetId, row.id, "ana", "submitted", { label: index % 2 ? "bug" : "billing" });
    });

    const report = await caller.argilla.pull({ datasetId: made.datasetId, linkId: pushed.linkId });
    expect(report).toMatchObject({ fetched: total, changed: total, unchanged: 0, conflicts: 0, invalid: 0 });
    const actions = await database.db.reviewAction.findMany({ where: { datasetId: made.datasetId, kind: "pull" }, select: { id: true, count: true, actor: true } });
    expect(actions).toEqual([{ id: report.actionId, count: total, actor: "argilla:ana, ben" }]);
    const [latest] = await caller.reviews.history({ datasetId: made.datasetId, limit: 1 });
    expect(latest).toMatchObject({ label: "Argilla pull (10,000 rows)", undoneAt: null });
    expect(await database.db.review.count({ where: { datasetId: made.datasetId, status: "accepted" } })).toBe(7_500);
    expect(await database.db.review.count({ where: { datasetId: made.datasetId, status: "rejected", reviewer: "argilla:ben" } })).toBe(2_500);
    expect(await reviewOf(rows[1]!.id)).toMatchObject({ status: "accepted", labels: ["bug"], reviewer: "argilla:ana" });

    const undone = await caller.reviews.undo({ datasetId: made.datasetId, actionId: report.actionId! });
    expect(undone).toMatchObject({ restored: total, skipped: 0 });
    expect(await database.db.review.count({ where: { datasetId: made.datasetId } })).toBe(earlier.length);
    expect(await database.db.review.count({ where: { datasetId: made.datasetId, rowId: { in: earlier }, status: "rejected", reviewer: "carla" } })).toBe(earlier.length);
    const [after] = await caller.reviews.history({ datasetId: made.datasetId, limit: 1 });
    expect(after).toMatchObject({ id: report.actionId, label: "Argilla pull (10,000 rows)", undoneAt: expect.any(Date) });
  }, 120_000);

  it("a row reviewed while the pull ran is left alone (and not recorded in the action)", async () => {
    const made = await createTypedDataset(database.db, "classification", design, tickets.slice(0, 2));
    const [stale, fresh] = made.rowIds as [string, string];
    await carla.reviews.setStatus({ datasetId: made.datasetId, rowId: stale, status: "rejected" });
    const read = await database.db.review.findUniqueOrThrow({ where: { rowId: stale }, select: { lastActionId: true, updatedAt: true } });
    // Reviewed again after the pull read it.
    await carla.reviews.setLabels({ datasetId: made.datasetId, rowId: stale, labels: ["bug"] });
    const state = { status: "accepted" as const, labels: ["billing"], rating: null, editedData: null, reviewer: "argilla:ana" };
    const result = await recordPull(database.db, { id: made.datasetId, type: "classification", design }, {
      states: [
        { ...state, rowId: stale, expected: read },
        { ...state, rowId: fresh, expected: null },
      ],
      actor: "argilla:ana",
      value: { source: "Argilla", target: "reviews/x", reviewers: ["ana"], changes: { status: 2, labels: 2, rating: 0, edit: 0 } },
    });
    expect(result).toMatchObject({ count: 1, applied: [fresh] });
    expect(await reviewOf(stale)).toMatchObject({ status: "rejected", labels: ["bug"], reviewer: "carla" });
    expect(await reviewOf(fresh)).toMatchObject({ status: "accepted", labels: ["billing"], reviewer: "argilla:ana" });
    expect(await database.db.reviewActionRow.count({ where: { actionId: result.actionId! } })).toBe(1);
  });
});
