// The download route as the browser calls it: query string in, streamed file out
// with the format's content type and file name; bad requests answered by name.
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/exports/[id]/route";
import { createTestToken, createTestUser } from "@/server/testing/accounts";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { parseCsvStrict, toArrayBuffer } from "@/server/testing/export-readers";
import { createTypedDataset } from "@/server/testing/review-factory";

let database: TestDatabase;
let dataset: Awaited<ReturnType<typeof createTypedDataset>>;
let editorToken: string;
let annotatorToken: string;

vi.mock("@/server/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/server/db")>()), getDb: () => database.db }));

const rows = [
  { instruction: "Capital of France?", answer: "Paris", distractors: ["Lyon", "Nice", "Lille"], source: "doc", language: "en" },
  { instruction: "=1+2", answer: "3", distractors: ["4", "5", "6"], source: "doc", language: "en" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  dataset = await createTypedDataset(database.db, "mcq", {}, rows);
  await database.db.dataset.update({ where: { id: dataset.datasetId }, data: { name: "Quiz: capitals / 2026" } });
  await database.db.review.create({ data: { rowId: dataset.rowIds[1]!, datasetId: dataset.datasetId, status: "rejected" } });
  editorToken = await createTestToken(database.db, await createTestUser(database.db, "editor"));
  annotatorToken = await createTestToken(database.db, await createTestUser(database.db, "annotator"));
});

afterAll(async () => {
  await database?.drop();
});

const get = (id: string, query: string, token = editorToken) =>
  GET(new Request(`http://localhost/api/exports/${id}?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });

describe("GET /api/exports/[id]", () => {
  it("needs the editor role: 401 without a session or token, 403 for an annotator", async () => {
    const anonymous = await GET(new Request(`http://localhost/api/exports/${dataset.datasetId}?format=jsonl`), { params: Promise.resolve({ id: dataset.datasetId }) });
    expect(anonymous.status).toBe(401);
    expect((await get(dataset.datasetId, "format=jsonl", annotatorToken)).status).toBe(403);
  });

  it("streams JSONL, CSV and Parquet with their content types and file names", async () => {
    const jsonl = await get(dataset.datasetId, "format=jsonl");
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(jsonl.headers.get("content-disposition")).toBe('attachment; filename="Quiz-capitals-2026.jsonl"');
    expect(jsonl.body).toBeInstanceOf(ReadableStream);
    expect((await jsonl.text()).trim().split("\n").map((line) => JSON.parse(line))).toEqual(rows);

    const csv = await get(dataset.datasetId, "format=csv&bom=1&rows=not_rejected");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="Quiz-capitals-2026.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsvStrict(bytes.subarray(3).toString("utf8"))).toEqual([["instruction", "answer", "distractors", "source", "language"], ["Capital of France?", "Paris", '["Lyon","Nice","Lille"]', "doc", "en"]]);

    const parquet = await get(dataset.datasetId, "format=parquet&lineage=row_id");
    expect(parquet.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    const read = await parquetReadObjects({ file: toArrayBuffer(new Uint8Array(await parquet.arrayBuffer())) });
    expect(read).toEqual(rows.map((row, index) => ({ ...row, row_id: dataset.rowIds[index] })));
  });

  it("names the part of a split downloaded as files", async () => {
    const response = await get(dataset.runId, "format=jsonl&test_share=0.5&seed=3&split_as=files&split=test");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Quiz-capitals-2026-run-[0-9a-f]{8}\.test\.jsonl"$/);
  });

  it("answers bad requests with 400 or 404 and a message naming the problem", async () => {
    const badFormat = await get(dataset.datasetId, "format=xlsx");
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).error).toContain("format must be one of jsonl, csv, parquet");
    const noPart = await get(dataset.datasetId, "format=csv&test_share=0.1&split_as=files");
    expect(noPart.status).toBe(400);
    expect((await noPart.json()).error).toContain("add split=train or split=test");
    const missing = await get("00000000-0000-4000-8000-000000000000", "format=csv");
    expect(missing.status).toBe(404);
  });
});
