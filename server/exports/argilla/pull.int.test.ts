// Pulling annotators' answers back from the fake Argilla: accept, reject, labels and
// edits applied as recorded review actions by argilla:<username> (undoable), drafts
// ignored, conflicts with in-app reviews reported and kept, invalid corrections reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { startFakeArgilla, type FakeArgilla } from "@/server/testing/fake-argilla-server";
import { createTypedDataset } from "@/server/testing/review-factory";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";

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

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "argilla-pull-test-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  const base = { db: database.db, queue: { enqueue: async () => {}, submitBatches: async () => {} } };
  caller = createCaller(contextAs("owner", base));
  carla = createCaller(contextAs("annotator", base, { name: "carla" }));
  argilla = await startFakeArgilla();
  argilla.addUser("ana");
  argilla.addUser("ben");
  connectionId = (await caller.integrations.create({ name: "review-team", kind: "argilla", url: argilla.url, token: argilla.apiKey, workspace: "reviews" })).id;
});

afterAll(async () => {
  await argilla?.close();
  await database?.drop();
});

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
    expect(report.message).toBe("Pulled from Argilla: 4 answered records, 3 rows changed, 0 unchanged, 1 conflict with in-app reviews left as they are.");

    expect(await reviewOf(relabel)).toEqual({ status: "accepted", labels: ["bug"], rating: null, editedData: null, reviewer: "argilla:ana" });
    expect(await reviewOf(discard)).toMatchObject({ status: "rejected", reviewer: "argilla:ben" });
    expect(await reviewOf(correct)).toMatchObject({ status: "accepted", labels: ["billing"], editedData: { text: "Please refund my last invoice." }, reviewer: "argilla:ana" });
    expect(await reviewOf(conflict)).toMatchObject({ status: "rejected" });
    expect(await reviewOf(draft)).toBeNull();
    expect(await reviewOf(untouched)).toBeNull();
    const row = await database.db.row.findUnique({ where: { id: correct }, select: { data: true } });
    expect((row!.data as { text: string }).text).toBe("Refund my last invoice.");

    const actions = await database.db.reviewAction.findMany({ where: { id: { in: report.actionIds } }, select: { kind: true, actor: true, count: true } });
    expect(actions.map((a) => `${a.kind}:${a.actor}:${a.count}`).sort()).toEqual(["accept:argilla:ana:2", "edit:argilla:ana:1", "labels:argilla:ana:1", "labels:argilla:ana:1", "reject:argilla:ben:1"].sort());

    const again = await caller.argilla.pull({ datasetId: made.datasetId, linkId });
    expect(again).toMatchObject({ fetched: 4, changed: 0, unchanged: 3, conflicts: 1, actionIds: [] });
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

    for (const actionId of [...report.actionIds].reverse()) await caller.reviews.undo({ datasetId: made.datasetId, actionId });
    expect(await reviewOf(rowId)).toMatchObject({ status: "rejected", labels: [] });
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
});
