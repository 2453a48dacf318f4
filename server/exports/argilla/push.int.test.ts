// Pushing datasets to the fake Argilla through the API: what Argilla ends up with
// (fields, questions, metadata, records, suggestions by question id), bulks of ≤500,
// re-push without duplicates, a failure half-way then a retry, and a bad key.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openArgillaTest, type ArgillaTest } from "@/server/testing/argilla-test";
import type { TestDatabase } from "@/server/testing/database";
import type { FakeArgilla } from "@/server/testing/fake-argilla-server";
import { createTypedDataset } from "@/server/testing/review-factory";
import { createCaller } from "@/server/trpc/root";
import { createArgillaClient } from "./client";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let argilla: FakeArgilla;
let connectionId: string;

const labels = [
  { name: "billing", description: "money" },
  { name: "bug", description: "crashes" },
];

/** A classification dataset with `count` rows, inserted in one statement. */
async function classificationDataset(count: number) {
  const made = await createTypedDataset(database.db, "classification", { labels, multiLabel: false, variables: { tone: ["polite", "rude"] } }, []);
  await addRows(made, count, 0);
  return made;
}

async function addRows(made: { datasetId: string; runId: string; workItemId: string }, count: number, from: number) {
  await database.db.row.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const index = from + i;
      const label = index % 2 ? "bug" : "billing";
      return {
        datasetId: made.datasetId,
        runId: made.runId,
        workItemId: made.workItemId,
        index,
        data: { text: `Ticket ${index}: something about ${label}.`, label, language: "en" },
        text: `Ticket ${index}`,
        labels: [label],
        language: "en",
        model: "mock-1",
        prompt: "p",
        variables: { tone: index % 3 ? "polite" : "rude" },
        parameters: {},
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, index)),
      };
    }),
  });
}

const argillaDataset = (name: string) => [...argilla.datasets.values()].filter((d) => d.name.endsWith(name));

let setup: ArgillaTest;

beforeAll(async () => {
  setup = await openArgillaTest({ secret: "argilla-push-test-secret-0123456789abcdef", apiKey: "owner.apikey-123", connection: { name: "team-argilla", workspace: "datafast" } });
  ({ database, caller, argilla, connectionId } = setup);
});

afterAll(() => setup?.close());

describe("push", () => {
  it("creates the workspace and a published dataset fitting a classification dataset, then every row in bulks of ≤500", async () => {
    const made = await classificationDataset(1_200);
    const result = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(result).toMatchObject({ workspace: "datafast", records: 1_200, created: 1_200, updated: 0, bulks: 3 });
    expect(result.url).toBe(`${argilla.url}/dataset/${result.argillaDatasetId}/annotation-mode`);
    expect(argilla.bulkCalls).toEqual([500, 500, 200]);
    expect(argilla.workspaces.map((w) => w.name)).toEqual(["datafast"]);

    const dataset = argilla.datasets.get(result.argillaDatasetId)!;
    expect(dataset.status).toBe("ready");
    expect(dataset.fields.map((f) => [f.name, f.settings.type, f.required])).toEqual([["text", "text", true]]);
    expect(dataset.questions.map((q) => [q.name, q.settings.type, q.required])).toEqual([
      ["label", "label_selection", true],
      ["text_correction", "text", false],
    ]);
    expect(dataset.metadata.map((m) => m.name)).toEqual(["model", "language", "var_tone"]);

    const records = argilla.records(dataset.id);
    expect(records).toHaveLength(1_200);
    const rows = await database.db.row.findMany({ where: { datasetId: made.datasetId }, select: { id: true, data: true } });
    expect(new Set(records.map((r) => r.external_id))).toEqual(new Set(rows.map((r) => r.id)));
    const labelQuestion = dataset.questions.find((q) => q.name === "label")!;
    const row = rows[7]!;
    const record = records.find((r) => r.external_id === row.id)!;
    expect(record.fields).toEqual({ text: (row.data as { text: string }).text });
    expect(record.suggestions).toEqual([{ question_id: labelQuestion.id, value: (row.data as { label: string }).label, agent: "mock-1" }]);
    expect(record.metadata).toMatchObject({ model: "mock-1", language: "en" });
  });

  it("re-pushing updates the same records, never duplicates them, and adds new rows", async () => {
    const made = await classificationDataset(30);
    const first = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    const again = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(again).toMatchObject({ argillaDatasetId: first.argillaDatasetId, records: 30, created: 0, updated: 30 });
    await addRows(made, 5, 30);
    const third = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(third).toMatchObject({ argillaDatasetId: first.argillaDatasetId, records: 35, created: 5, updated: 30 });
    expect(argilla.records(first.argillaDatasetId)).toHaveLength(35);
    expect(argillaDataset(made.datasetId.slice(0, 8))).toHaveLength(1);

    // A lost link: the dataset is found again by its name.
    await database.db.argillaLink.deleteMany({ where: { datasetId: made.datasetId } });
    const relinked = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(relinked).toMatchObject({ argillaDatasetId: first.argillaDatasetId, created: 0, updated: 35 });
    const status = await caller.argilla.status({ datasetId: made.datasetId });
    expect(status.links).toEqual([expect.objectContaining({ connectionName: "team-argilla", workspace: "datafast", lastPushRecords: 35, url: relinked.url })]);
  });

  it("a failure half-way (bulk 2 of 3) is reported; the retry leaves exactly one record per row", async () => {
    const made = await classificationDataset(1_100);
    argilla.failBulk(2);
    const error = await caller.argilla.push({ datasetId: made.datasetId, connectionId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toMatch(/Argilla refused to store records 501–1000 \(HTTP 500\): Internal server error\. Retry: records already sent are updated, never duplicated\./);
    const [dataset] = argillaDataset(made.datasetId.slice(0, 8));
    expect(argilla.records(dataset!.id)).toHaveLength(500);

    const retry = await caller.argilla.push({ datasetId: made.datasetId, connectionId });
    expect(retry).toMatchObject({ argillaDatasetId: dataset!.id, records: 1_100, created: 600, updated: 500 });
    const externalIds = argilla.records(dataset!.id).map((r) => r.external_id);
    expect(externalIds).toHaveLength(1_100);
    expect(new Set(externalIds).size).toBe(1_100);
    expect(argillaDataset(made.datasetId.slice(0, 8))).toHaveLength(1);
  });

  it("a conversation dataset becomes a chat field with a rating question", async () => {
    const messages = [
      { role: "user", content: "My order is late." },
      { role: "assistant", content: "Sorry! Let me check the tracking number." },
    ];
    const made = await createTypedDataset(database.db, "conversation", {}, [{ messages, persona: "customer", topic: "orders", subtopic: "delays", language: "en" }]);
    const result = await caller.argilla.push({ datasetId: made.datasetId, connectionId, workspace: "conversations" });
    const dataset = argilla.datasets.get(result.argillaDatasetId)!;
    expect(dataset.fields.map((f) => [f.name, f.settings.type])).toEqual([["messages", "chat"]]);
    expect(dataset.questions.map((q) => [q.name, q.settings.type])).toEqual([["quality", "rating"]]);
    expect(argilla.records(dataset.id).map((r) => [r.external_id, r.fields])).toEqual([[made.rowIds[0], { messages }]]);
  });

  it("a wrong API key or a bad workspace name is a clear error", async () => {
    const bad = await caller.integrations.create({ name: "stale-key", kind: "argilla", url: argilla.url, token: "not-the-key", workspace: "datafast" });
    const made = await classificationDataset(3);
    await expect(caller.argilla.push({ datasetId: made.datasetId, connectionId: bad.id })).rejects.toThrow(
      /Argilla refused to accept the API key \(HTTP 401\): Could not validate credentials\. Check the API key of the connection "stale-key"/,
    );
    await expect(caller.argilla.push({ datasetId: made.datasetId, connectionId, workspace: "Team Review" })).rejects.toThrow(/workspace must use lowercase letters/);
  });
});

describe("the fake Argilla enforces the real rules", () => {
  it("records only after publish, ≤500 per bulk, no unknown fields, suggestions by an existing question id", async () => {
    const client = createArgillaClient({ url: argilla.url, apiKey: argilla.apiKey });
    const workspace = await client.createWorkspace("rules");
    const dataset = await client.createDataset({ name: "rules", workspaceId: workspace.id });
    await client.createField(dataset.id, { name: "text", title: "Text", required: true, settings: { type: "text", use_markdown: false } });
    await expect(client.publishDataset(dataset.id)).rejects.toThrow(/422 .*without required questions/);
    const question = await client.createQuestion(dataset.id, { name: "label", title: "Label", required: true, settings: { type: "label_selection", options: [{ value: "a", text: "A" }, { value: "b", text: "B" }] } });
    const record = { external_id: "r1", fields: { text: "hello" } };
    await expect(client.upsertRecords(dataset.id, [record])).rejects.toThrow(/422 .*non published dataset/);
    await client.publishDataset(dataset.id);
    await expect(client.createField(dataset.id, { name: "late", title: "Late", required: false, settings: { type: "text", use_markdown: false } })).rejects.toThrow(/422 .*published dataset/);
    await expect(client.upsertRecords(dataset.id, [{ ...record, fields: { text: "hi", extra: "x" } }])).rejects.toThrow(/non configured fields: \["extra"\]/);
    await expect(client.upsertRecords(dataset.id, [{ ...record, suggestions: [{ question_id: "00000000-0000-4000-8000-000000000000", value: "a" }] }])).rejects.toThrow(/question id=.* does not exists/);
    await expect(client.upsertRecords(dataset.id, [{ ...record, suggestions: [{ question_id: question.id, value: "c" }] }])).rejects.toThrow(/'c' is not a valid label/);
    await expect(client.createDataset({ name: "rules", workspaceId: workspace.id })).rejects.toThrow(/409 .*already exists/);
    await expect(client.createQuestion(dataset.id, { name: "Bad Name", title: "x", required: false, settings: { type: "text", use_markdown: false } })).rejects.toThrow(/422 .*regex/);
    // The client refuses an oversized bulk before sending; the server would answer 422.
    expect(() => client.upsertRecords(dataset.id, Array.from({ length: 501 }, (_, i) => ({ external_id: `x${i}`, fields: { text: "t" } })))).toThrow(/1 to 500 records/);
    const raw = await fetch(`${argilla.url}/api/v1/datasets/${dataset.id}/records/bulk`, {
      method: "PUT",
      headers: { "X-Argilla-Api-Key": argilla.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ items: Array.from({ length: 501 }, (_, i) => ({ external_id: `x${i}`, fields: { text: "t" } })) }),
    });
    expect(raw.status).toBe(422);
    expect(argilla.records(dataset.id)).toHaveLength(0);
  });
});
