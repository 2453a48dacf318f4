// Each format written by the export pipeline and read back with a reader of its
// own (JSON.parse, a strict RFC 4180 parser, hyparquet): typed rows of several
// dataset types, review filters, edits, and splits as files or as a column.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportOptionsInput, SplitPart } from "@/lib/exports/export-options";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTypedDataset } from "@/server/testing/review-factory";
import { buildSeedDataset, insertSeedDataset, type SeedDataset, type SeedRow } from "@/server/testing/review-rows";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import { exportChunks, prepareExport, writeExportFiles } from "./service";
import { splitPartOf } from "./split";
import { parseCsvStrict, toArrayBuffer } from "@/server/testing/export-readers";

let database: TestDatabase;
let seed: SeedDataset;
const typed: Record<string, { datasetId: string; runId: string; rowIds: string[]; rows: Record<string, unknown>[] }> = {};

const conversationRows = [
  { messages: [{ role: "user", content: 'Hi, "friend"\nhow are you?' }, { role: "assistant", content: "=SUM(A1:A9) is a formula" }], persona: "student", topic: "math", subtopic: "", language: "en" },
  { messages: [{ role: "user", content: "Ça va ? 你好" }, { role: "assistant", content: "Très bien." }, { role: "user", content: "+1" }, { role: "assistant", content: "-1" }], persona: "chef", topic: "food", subtopic: "bread", language: "fr" },
];
const mcqRows = [
  { instruction: "Capital of France?", answer: "Paris", distractors: ["Lyon", "Nice", "Lille"], source: "doc 1", language: "en" },
  { instruction: "2 + 2?", answer: "4", distractors: ["3", "5", "-4"], source: "doc 2", language: "en" },
];
const preferenceRows = [
  { instruction: "Explain rain", chosen: "Water falls.", rejected: "No idea.", models: { chosen: "m1", rejected: "m2" }, scores: { chosen: 8.5, rejected: 3 }, assessments: { chosen: "clear", rejected: "vague" }, swapped: false, evolution: ["deepen"], topic: "weather", language: "en" },
  { instruction: "Explain snow", chosen: "Frozen water.", rejected: "Rain.", models: { chosen: "m1", rejected: "m1" }, scores: null, assessments: null, swapped: true, evolution: [], topic: "weather", language: "en" },
];
const transformRows = [
  { review: "Great, works", stars: 5, sentiment: "positive", score: 0.9, ok: true },
  { review: "@admin broke it", stars: 1, sentiment: "negative", score: -0.75, ok: false },
];

beforeAll(async () => {
  database = await createTestDatabase();
  typed.conversation = { ...(await createTypedDataset(database.db, "conversation", { variables: { tone: ["polite"] } }, conversationRows)), rows: conversationRows };
  typed.mcq = { ...(await createTypedDataset(database.db, "mcq", {}, mcqRows)), rows: mcqRows };
  typed.preference = { ...(await createTypedDataset(database.db, "preference", { topics: ["weather"] }, preferenceRows)), rows: preferenceRows };
  const outputFields = [{ name: "sentiment", type: "enum", values: ["positive", "negative"] }, { name: "score", type: "number" }, { name: "ok", type: "boolean" }];
  typed.transform = { ...(await createTypedDataset(database.db, "transform", { outputFields }, transformRows)), rows: transformRows };
  seed = buildSeedDataset(1_500, 5);
  await insertSeedDataset(database.db, seed);
});

afterAll(async () => {
  await database?.drop();
});

async function download(id: string, options: ExportOptionsInput, part: SplitPart | null = null): Promise<Buffer> {
  const prepared = await prepareExport(database.db, id, options);
  const chunks: Buffer[] = [];
  for await (const chunk of exportChunks(database.db, prepared, part)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const readParquet = async (bytes: Buffer) => (await parquetReadObjects({ file: toArrayBuffer(bytes) })) as Record<string, unknown>[];
const readJsonl = (bytes: Buffer) => bytes.toString("utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

/** What a seed row exports as: the reviewer's edits and labels over the generated row. */
function seedExpected(row: SeedRow) {
  const label = row.review?.labels.length ? row.review.labels[0] : row.labels[0];
  const text = (row.review?.editedData?.text as string | undefined) ?? row.text;
  return { text, label, language: row.language };
}
const currentSeedRows = () => seed.rows.filter((row) => row.current);

describe("round trips", () => {
  it("JSONL keeps every field of a conversation and an mcq row as generated", async () => {
    expect(readJsonl(await download(typed.conversation!.datasetId, { format: "jsonl" }))).toEqual(conversationRows);
    expect(readJsonl(await download(typed.mcq!.datasetId, { format: "jsonl" }))).toEqual(mcqRows);
    expect(readJsonl(await download(typed.preference!.datasetId, { format: "jsonl" }))).toEqual(preferenceRows);
  });

  it("Parquet reads back typed, with messages as a list of structs and distractors as a list of strings", async () => {
    expect(await readParquet(await download(typed.conversation!.datasetId, { format: "parquet" }))).toEqual(conversationRows);
    expect(await readParquet(await download(typed.mcq!.datasetId, { format: "parquet" }))).toEqual(mcqRows);
    const preference = await readParquet(await download(typed.preference!.datasetId, { format: "parquet" }));
    // hyparquet reads a null struct as undefined (DuckDB reads it as NULL); the nulls are written.
    expect(preference.map((row) => ({ ...row, scores: row.scores ?? null, assessments: row.assessments ?? null }))).toEqual(preferenceRows);
    expect(preference[1]).toHaveProperty("scores");
    const transform = await readParquet(await download(typed.transform!.datasetId, { format: "parquet" }));
    expect(transform).toEqual(transformRows.map((row) => ({ ...row, stars: String(row.stars) })));
  });

  it("Parquet has a standard schema: UTF8 strings, 3-level LIST, typed numbers and booleans", async () => {
    const bytes = await download(typed.conversation!.datasetId, { format: "parquet", lineage: ["tokens", "cost"] });
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(bytes.subarray(-4).toString()).toBe("PAR1");
    const schema = parquetMetadata(toArrayBuffer(bytes)).schema.map(({ name, type, repetition_type, converted_type, logical_type, num_children }) => ({ name, type, repetition_type, converted_type, logical_type, num_children }));
    expect(schema.slice(1, 7)).toEqual([
      { name: "messages", type: undefined, repetition_type: "OPTIONAL", converted_type: "LIST", logical_type: { type: "LIST" }, num_children: 1 },
      { name: "list", type: undefined, repetition_type: "REPEATED", converted_type: undefined, logical_type: undefined, num_children: 1 },
      { name: "element", type: undefined, repetition_type: "OPTIONAL", converted_type: undefined, logical_type: undefined, num_children: 2 },
      { name: "role", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8", logical_type: { type: "STRING" }, num_children: undefined },
      { name: "content", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8", logical_type: { type: "STRING" }, num_children: undefined },
      { name: "persona", type: "BYTE_ARRAY", repetition_type: "OPTIONAL", converted_type: "UTF8", logical_type: { type: "STRING" }, num_children: undefined },
    ]);
    expect(schema.filter((element) => ["input_tokens", "cost_usd"].includes(element.name)).map((element) => element.type)).toEqual(["INT32", "DOUBLE"]);
    const rows = await readParquet(bytes);
    expect(rows[0]).toMatchObject({ input_tokens: 120, output_tokens: 80, reasoning_tokens: 5, cost_usd: 0.0012 });
  });

  it("Parquet of a reviewed dataset has every current row, with edits and relabels applied", async () => {
    const bytes = await download(seed.datasetId, { format: "parquet", lineage: ["row_id"] });
    const rows = await readParquet(bytes);
    const expected = currentSeedRows();
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(rows.map((row) => [row.row_id, row]));
    for (const row of expected) expect(byId.get(row.id)).toEqual({ ...seedExpected(row), row_id: row.id });
  });

  it("CSV parses back (RFC 4180), with JSON for nested fields and formulas neutralized", async () => {
    const bytes = await download(typed.conversation!.datasetId, { format: "csv", bom: true, lineage: ["model", "variables", "cost"] });
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...records] = parseCsvStrict(bytes.toString("utf8").slice(1));
    expect(header).toEqual(["messages", "persona", "topic", "subtopic", "language", "model", "variable_tone", "cost_usd"]);
    expect(records).toHaveLength(2);
    expect(JSON.parse(records[0]![0]!)).toEqual(conversationRows[0]!.messages);
    expect(records[0]!.slice(1)).toEqual(["student", "math", "", "en", "mock-1", "polite", "0.0012"]);
    const mcq = parseCsvStrict((await download(typed.mcq!.datasetId, { format: "csv" })).toString("utf8"));
    expect(mcq[2]).toEqual(["2 + 2?", "4", '["3","5","-4"]', "doc 2", "en"]);
    const transform = parseCsvStrict((await download(typed.transform!.datasetId, { format: "csv" })).toString("utf8"));
    expect(transform).toEqual([
      ["review", "stars", "sentiment", "score", "ok"],
      ["Great, works", "5", "positive", "0.9", "true"],
      ["'@admin broke it", "1", "negative", "-0.75", "false"],
    ]);
  });
});

describe("which rows", () => {
  it("exports accepted rows, or every row but the rejected ones, with edits and relabels applied", async () => {
    const cases = [
      ["all", () => true],
      ["accepted", (row: SeedRow) => row.review?.status === "accepted"],
      ["not_rejected", (row: SeedRow) => row.review?.status !== "rejected"],
    ] as const;
    for (const [rows, keep] of cases) {
      const exported = readJsonl(await download(seed.datasetId, { format: "jsonl", rows, lineage: ["row_id"] }));
      const expected = currentSeedRows().filter(keep);
      expect(exported.map((row) => row.row_id).sort(), rows).toEqual(expected.map((row) => row.id).sort());
      const byId = new Map(exported.map((row) => [row.row_id, row]));
      for (const row of expected) expect(byId.get(row.id)).toEqual({ ...seedExpected(row), row_id: row.id });
    }
    const edited = currentSeedRows().filter((row) => row.review?.editedData);
    expect(edited.length).toBeGreaterThan(5);
    // The row itself keeps the original: the edit lives in the review.
    const stored = await database.db.row.findUnique({ where: { id: edited[0]!.id }, select: { data: true } });
    expect((stored!.data as { text: string }).text).toBe(edited[0]!.text);
  });

  it("exports an edited conversation's and mcq's edited fields in every format", async () => {
    const conversation = await createTypedDataset(database.db, "conversation", {}, conversationRows);
    const editedMessages = [{ role: "user", content: "Hello there" }, { role: "assistant", content: "General Kenobi" }];
    await database.db.review.create({ data: { rowId: conversation.rowIds[0]!, datasetId: conversation.datasetId, status: "accepted", editedData: { messages: editedMessages } } });
    const mcq = await createTypedDataset(database.db, "mcq", {}, mcqRows);
    await database.db.review.create({ data: { rowId: mcq.rowIds[1]!, datasetId: mcq.datasetId, status: "pending", editedData: { answer: "four", distractors: ["three", "five", "six"] } } });

    const expectedConversation = [{ ...conversationRows[0]!, messages: editedMessages }, conversationRows[1]!];
    expect(readJsonl(await download(conversation.datasetId, { format: "jsonl" }))).toEqual(expectedConversation);
    expect(await readParquet(await download(conversation.datasetId, { format: "parquet" }))).toEqual(expectedConversation);
    expect(readJsonl(await download(conversation.datasetId, { format: "jsonl", rows: "accepted" }))).toEqual([expectedConversation[0]]);
    const expectedMcq = [mcqRows[0]!, { ...mcqRows[1]!, answer: "four", distractors: ["three", "five", "six"] }];
    expect(await readParquet(await download(mcq.datasetId, { format: "parquet" }))).toEqual(expectedMcq);
    expect(parseCsvStrict((await download(mcq.datasetId, { format: "csv" })).toString("utf8"))[2]).toEqual(["2 + 2?", "four", '["three","five","six"]', "doc 2", "en"]);
  });

  it("exports one run's rows when given a run id", async () => {
    const runId = seed.runIds[1]!;
    const exported = readJsonl(await download(runId, { format: "jsonl", lineage: ["run_id"] }));
    expect(exported.length).toBe(currentSeedRows().filter((row) => row.runId === runId).length);
    expect(exported.every((row) => row.run_id === runId)).toBe(true);
  });
});

describe("splits", () => {
  const split = { testShare: 0.2, seed: 11 };

  it("splits as files into exactly the rows of the split column, and counts them as the page shows", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "datafast-export-"));
    const files = await writeExportFiles(database.db, { datasetId: seed.datasetId }, { rows: "not_rejected", lineage: ["row_id"], split: { ...split, as: "files" } }, dir);
    expect(files.map((file) => [file.split, path.basename(file.path)])).toEqual([["train", "train.parquet"], ["test", "test.parquet"]]);
    const train = await readParquet(readFileSync(files[0]!.path));
    const test = await readParquet(readFileSync(files[1]!.path));
    expect(files.map((file) => file.rows)).toEqual([train.length, test.length]);
    expect(files.every((file) => file.bytes > 0)).toBe(true);

    const column = readJsonl(await download(seed.datasetId, { format: "jsonl", rows: "not_rejected", lineage: ["row_id"], split: { ...split, as: "column" } }));
    const partOf = new Map(column.map((row) => [row.row_id, row.split]));
    expect(train.every((row) => partOf.get(row.row_id) === "train")).toBe(true);
    expect(test.every((row) => partOf.get(row.row_id) === "test")).toBe(true);
    expect(train.length + test.length).toBe(column.length);
    expect(new Set([...train, ...test].map((row) => row.row_id)).size).toBe(column.length);
    expect(test.length / column.length).toBeGreaterThan(0.12);
    expect(test.length / column.length).toBeLessThan(0.28);
    for (const row of column) expect(row.split).toBe(splitPartOf(split, row.row_id as string));

    const caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {}, submitBatches: async () => {} } }));
    const count = await caller.exports.count({ datasetId: seed.datasetId, rows: "not_rejected", split: { ...split, as: "files" } });
    expect(count).toEqual({ rows: column.length, train: train.length, test: test.length });
  });

  it("downloads one part of a split as files, the same rows as the file of that part", async () => {
    const options: ExportOptionsInput = { format: "csv", lineage: ["row_id"], split: { ...split, as: "files" } };
    const test = parseCsvStrict((await download(seed.datasetId, options, "test")).toString("utf8"));
    const train = parseCsvStrict((await download(seed.datasetId, options, "train")).toString("utf8"));
    expect(test[0]).toEqual(["text", "label", "language", "row_id"]);
    const ids = (records: string[][]) => records.slice(1).map((record) => record[3]!);
    expect(ids(test).every((id) => splitPartOf(split, id) === "test")).toBe(true);
    expect(ids(train).every((id) => splitPartOf(split, id) === "train")).toBe(true);
    expect(ids(test).length + ids(train).length).toBe(currentSeedRows().length);
  });

  it("writes a single train file without a split, and an empty file for no rows", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "datafast-export-"));
    const files = await writeExportFiles(database.db, { datasetId: typed.mcq!.datasetId }, { rows: "accepted" }, dir);
    expect(files).toEqual([{ split: "train", path: path.join(dir, "train.parquet"), rows: 0, bytes: expect.any(Number) }]);
    expect(await readParquet(readFileSync(files[0]!.path))).toEqual([]);
  });
});

describe("bad requests", () => {
  it("names a bad id, an unknown target and bad options", async () => {
    await expect(prepareExport(database.db, "nope", { format: "jsonl" })).rejects.toThrow('"nope" is not a dataset or run id');
    await expect(prepareExport(database.db, "00000000-0000-4000-8000-000000000000", { format: "jsonl" })).rejects.toThrow("No dataset or run with id");
    await expect(prepareExport(database.db, seed.datasetId, { format: "xml" as "csv" })).rejects.toThrow("format must be one of jsonl, csv, parquet");
  });
});
