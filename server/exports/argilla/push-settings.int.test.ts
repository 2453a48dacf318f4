// Re-pushing after the design changed: what Argilla allows is updated in place (label
// texts, descriptions, order), what it does not (new or removed labels, a question's
// type) is refused before any record goes out, with the way out that works: a new
// Argilla dataset name. The fake applies argilla-server's own question-update rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openArgillaTest, type ArgillaTest } from "@/server/testing/argilla-test";
import type { TestDatabase } from "@/server/testing/database";
import type { FakeArgilla } from "@/server/testing/fake-argilla-server";
import { createTypedDataset } from "@/server/testing/review-factory";
import { createCaller } from "@/server/trpc/root";
import { createArgillaClient } from "./client";
import { argillaDatasetName } from "./settings";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let argilla: FakeArgilla;
let connectionId: string;

const labels = [
  { name: "billing", description: "money" },
  { name: "bug", description: "crashes" },
];
const tickets = [
  { text: "Charged twice.", label: "billing", language: "en" },
  { text: "Crashes on start.", label: "bug", language: "en" },
];

async function setLabels(datasetId: string, next: { name: string; description?: string }[], multiLabel = false) {
  const { design } = await database.db.dataset.findUniqueOrThrow({ where: { id: datasetId }, select: { design: true } });
  await database.db.dataset.update({ where: { id: datasetId }, data: { design: { ...(design as object), labels: next, multiLabel } } });
}

const labelQuestion = (argillaDatasetId: string) => argilla.datasets.get(argillaDatasetId)!.questions.find((q) => q.name === "label")!;

let setup: ArgillaTest;

beforeAll(async () => {
  setup = await openArgillaTest({ secret: "argilla-resync-test-secret-0123456789abcdef", users: ["ana"], connection: { name: "team-argilla", workspace: "datafast" } });
  ({ database, caller, argilla, connectionId } = setup);
});

afterAll(() => setup?.close());

describe("re-push after the design changed", () => {
  it("updates label descriptions and order in place, keeping the question", async () => {
    const made = await createTypedDataset(database.db, "classification", { labels, multiLabel: false }, tickets);
    const first = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    const before = labelQuestion(first.argillaDatasetId);
    await setLabels(made.datasetId, [{ name: "bug", description: "the app misbehaves" }, { name: "billing", description: "money" }]);

    const again = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(again).toMatchObject({ argillaDatasetId: first.argillaDatasetId, records: 2, updated: 2 });
    const after = labelQuestion(first.argillaDatasetId);
    expect(after.id).toBe(before.id);
    expect(after.settings.options).toEqual([
      { value: "bug", text: "bug", description: "the app misbehaves" },
      { value: "billing", text: "billing", description: "money" },
    ]);
  });

  it("a label added to the design: the re-push is refused with the way out, then a push to a new Argilla dataset takes the new label", async () => {
    const made = await createTypedDataset(database.db, "classification", { labels, multiLabel: false }, tickets);
    const first = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    const name = argillaDatasetName("classification-review", made.datasetId);
    expect(first.argillaDatasetName).toBe(name);
    await setLabels(made.datasetId, [...labels, { name: "refund", description: "money back" }]);
    await database.db.row.create({
      data: { datasetId: made.datasetId, runId: made.runId, workItemId: made.workItemId, index: 2, data: { text: "Refund me.", label: "refund", language: "en" }, text: "Refund me.", labels: ["refund"], language: "en", model: "mock-1", prompt: "p", variables: {}, parameters: {} },
    });

    const bulks = argilla.bulkCalls.length;
    await expect(caller.argilla.push({ datasetId: made.datasetId, connectionId })).rejects.toThrow(
      `The Argilla dataset "${name}" cannot follow this design any more: the question "label" has the options "billing", "bug" there and this design has "billing", "bug", "refund" (added "refund"). ` +
        "Argilla keeps a published dataset's fields and questions, a question's type and its option values fixed (it can change titles, descriptions, option texts and their order only). " +
        `Pull its answers first, then push to a new Argilla dataset: enter another name under "Argilla dataset" (e.g. "${name}-v2"), push to another workspace, or delete "${name}" in Argilla and push again.`,
    );
    expect(argilla.bulkCalls).toHaveLength(bulks);
    expect(labelQuestion(first.argillaDatasetId).settings.options).toHaveLength(2);

    const next = await caller.argilla.push({ datasetId: made.datasetId, connectionId, argillaDataset: `${name}-v2` });
    expect(next).toMatchObject({ argillaDatasetName: `${name}-v2`, records: 3, created: 3 });
    expect(next.argillaDatasetId).not.toBe(first.argillaDatasetId);
    const question = labelQuestion(next.argillaDatasetId);
    expect(question.settings.options).toEqual(expect.arrayContaining([expect.objectContaining({ value: "refund" })]));
    const refund = argilla.records(next.argillaDatasetId).find((record) => record.fields.text === "Refund me.")!;
    expect(refund.suggestions).toEqual([{ question_id: question.id, value: "refund", agent: "mock-1" }]);

    // The link moved to the new dataset: later pushes and pulls use it.
    const status = await caller.argilla.status({ datasetId: made.datasetId });
    expect(status.links.map((link) => link.argillaDatasetName)).toEqual([`${name}-v2`]);
    expect(await caller.argilla.push({ datasetId: made.datasetId, connectionId })).toMatchObject({ argillaDatasetId: next.argillaDatasetId, updated: 3 });
    argilla.respond(next.argillaDatasetId, refund.external_id!, "ana", "submitted", { label: "refund" });
    expect(await caller.argilla.pull({ datasetId: made.datasetId, linkId: next.linkId })).toMatchObject({ changed: 1, invalid: 0 });
  });

  it("a label removed or the multi-label switch flipped is refused, naming the question", async () => {
    const made = await createTypedDataset(database.db, "classification", { labels: [...labels, { name: "other" }], multiLabel: false }, tickets);
    await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    await setLabels(made.datasetId, labels);
    await expect(caller.argilla.push({ datasetId: made.datasetId, connectionId })).rejects.toThrow(/the question "label" has the options "billing", "bug", "other" there and this design has "billing", "bug" \(removed "other"\)/);
    await setLabels(made.datasetId, [...labels, { name: "other" }], true);
    await expect(caller.argilla.push({ datasetId: made.datasetId, connectionId })).rejects.toThrow(/the question "label" is a label_selection question there and this design needs a multi_label_selection one/);
  });

  it("a draft left by a push cut short gets its outdated question made anew, then is published", async () => {
    const made = await createTypedDataset(database.db, "classification", { labels, multiLabel: false }, tickets);
    const client = createArgillaClient({ url: argilla.url, apiKey: argilla.apiKey });
    const workspace = argilla.workspaces.find((w) => w.name === "datafast")!;
    const draft = await client.createDataset({ name: argillaDatasetName("classification-review", made.datasetId), workspaceId: workspace.id });
    await client.createField(draft.id, { name: "text", title: "Text", required: true, settings: { type: "text", use_markdown: false } });
    const old = await client.createQuestion(draft.id, { name: "label", title: "Old", required: true, settings: { type: "label_selection", options: [{ value: "x", text: "X" }, { value: "y", text: "Y" }] } });

    const result = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(result).toMatchObject({ argillaDatasetId: draft.id, records: 2 });
    const question = labelQuestion(draft.id);
    expect(question.id).not.toBe(old.id);
    expect(question.settings.options).toEqual([expect.objectContaining({ value: "billing" }), expect.objectContaining({ value: "bug" })]);
    expect(argilla.datasets.get(draft.id)!.status).toBe("ready");
  });
});

describe("the fake Argilla updates questions as argilla-server does", () => {
  it("PATCH changes texts, descriptions and order only; DELETE only before publish", async () => {
    const client = createArgillaClient({ url: argilla.url, apiKey: argilla.apiKey });
    const workspace = await client.createWorkspace("question-rules");
    const dataset = await client.createDataset({ name: "rules", workspaceId: workspace.id });
    await client.createField(dataset.id, { name: "text", title: "Text", required: true, settings: { type: "text", use_markdown: false } });
    const options = [
      { value: "a", text: "A" },
      { value: "b", text: "B" },
    ];
    const label = await client.createQuestion(dataset.id, { name: "label", title: "Label", required: true, settings: { type: "label_selection", options } });
    const rating = await client.createQuestion(dataset.id, { name: "quality", title: "Quality", required: false, settings: { type: "rating", options: [{ value: 1 }, { value: 2 }] } });
    await client.publishDataset(dataset.id);

    const reordered = await client.updateQuestion(label.id, { title: "Which label?", description: "pick one", settings: { type: "label_selection", options: [{ value: "b", text: "Bee", description: "second" }, options[0]!] } });
    expect(reordered).toMatchObject({ title: "Which label?", description: "pick one", settings: { type: "label_selection", options: [{ value: "b", text: "Bee", description: "second" }, { value: "a", text: "A" }] } });
    await expect(client.updateQuestion(label.id, { settings: { type: "label_selection", options: [...options, { value: "c", text: "C" }] } })).rejects.toThrow(
      /422 .*the number of options cannot be modified\. expected 2 but got 3/,
    );
    await expect(client.updateQuestion(label.id, { settings: { type: "label_selection", options: [options[0]!, { value: "c", text: "C" }] } })).rejects.toThrow(
      /the option values cannot be modified\. found unexpected option values: \['c'\]/,
    );
    await expect(client.updateQuestion(label.id, { settings: { type: "multi_label_selection", options } })).rejects.toThrow(/question type cannot be changed\. expected 'label_selection' but got 'multi_label_selection'/);
    // A rating question's update schema has no options: they are dropped, the question keeps its own.
    const patched = await fetch(`${argilla.url}/api/v1/questions/${rating.id}`, {
      method: "PATCH",
      headers: { "X-Argilla-Api-Key": argilla.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ settings: { type: "rating", options: [{ value: 1 }, { value: 2 }, { value: 3 }] } }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { settings: { options: unknown } }).settings.options).toEqual([{ value: 1 }, { value: 2 }]);
    await expect(client.deleteQuestion(rating.id)).rejects.toThrow(/422 .*questions cannot be deleted for a published dataset/);
    await expect(client.updateQuestion("00000000-0000-4000-8000-000000000000", { title: "x" })).rejects.toThrow(/404/);
  });
});
