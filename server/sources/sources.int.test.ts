// Stored sources against a real database: an uploaded file becomes records,
// resolveSource turns them into documents, the same file is stored once, and the
// router lists, pages, previews and deletes (refusing while a dataset uses it).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceRefSchema, type SourceRefInput } from "@/lib/sources/source-ref";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createCaller } from "@/server/trpc/root";
import { resolveSource, storeUploadedFile } from "./service";
import { contextAs } from "@/server/testing/auth-context";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;

const csv = [
  "question,answer,topic",
  '"What is the capital of France, the country?",Paris,geography',
  "Tiny?,no,misc",
  ',"",empty',
  '"A question that spans',
  'two lines, and has ""quotes""",yes,style',
].join("\r\n");

const upload = (name: string, content: string, wholeFile?: boolean) => storeUploadedFile(database.db, { name, bytes: new TextEncoder().encode(content) }, { wholeFile });
const resolve = (ref: SourceRefInput, options?: { baseDir?: string }) => resolveSource(database.db, sourceRefSchema.parse(ref), options);

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

beforeAll(async () => {
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
});

afterAll(async () => {
  await database?.drop();
});

describe("uploaded sources", () => {
  it("stores a CSV's records and resolves them into documents with context, bounds and skipped counts", async () => {
    const source = await upload("faq.csv", csv);
    expect(source).toMatchObject({ name: "faq.csv", kind: "upload", format: "csv", encoding: "utf-8", columns: ["question", "answer", "topic"], recordCount: 4, skippedEmpty: 0 });

    const resolved = await resolve({ sourceId: source.id, textColumn: "question", contextColumn: "topic", minLength: 6 });
    expect(resolved).toMatchObject({ sourceId: source.id, name: "faq.csv", columns: ["question", "answer", "topic"], skipped: { empty: 1, tooShort: 1, tooLong: 0, overLimit: 0 } });
    expect(resolved.documents).toEqual([
      { text: "What is the capital of France, the country?", context: "geography", ordinal: 0, record: { question: "What is the capital of France, the country?", answer: "Paris", topic: "geography" } },
      { text: 'A question that spans\ntwo lines, and has "quotes"', context: "style", ordinal: 3, record: { question: 'A question that spans\ntwo lines, and has "quotes"', answer: "yes", topic: "style" } },
    ]);
  });

  it("stores the same file once: a second upload returns the stored source", async () => {
    const first = await upload("faq-again.csv", csv);
    const second = await upload("faq-copy.csv", csv);
    expect(second.id).toBe(first.id);
    expect(await database.db.source.count({ where: { format: "csv" } })).toBe(1);
  });

  it("keeps block and whole-file readings of the same text apart", async () => {
    const blocks = await upload("notes.txt", "First note.\n\nSecond note.");
    const whole = await upload("notes.txt", "First note.\n\nSecond note.", true);
    expect(blocks.id).not.toBe(whole.id);
    expect([blocks.recordCount, whole.recordCount, whole.wholeFile]).toEqual([2, 1, true]);
    expect((await resolve({ sourceId: whole.id })).documents.map((document) => document.text)).toEqual(["First note.\n\nSecond note."]);
  });

  it("names the missing text column and lists the available ones", async () => {
    const source = await upload("faq.csv", csv);
    const error = await failure(resolve({ sourceId: source.id, textColumn: "questoin" }));
    expect(error.message).toBe('The source "faq.csv" has no column "questoin" for the text (did you mean "question"?). Its columns are: "question", "answer", "topic". Set textColumn to one of them.');
  });

  it("resolves inline records without storing them", async () => {
    const before = await database.db.source.count();
    const resolved = await resolve({ records: [{ text: "alpha doc" }, { text: "" }, { text: "beta doc", extra: 1 }], maxDocuments: 1 });
    expect(resolved).toMatchObject({ sourceId: null, columns: ["text", "extra"], skipped: { empty: 1, overLimit: 1 } });
    expect(resolved.documents.map((document) => document.text)).toEqual(["alpha doc"]);
    expect(await database.db.source.count()).toBe(before);
  });

  it("stores a design's file once, relative to the design's folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "datafast-source-"));
    writeFileSync(path.join(dir, "docs.jsonl"), '{"text":"from a file","id":1}\n{"text":"second","id":2}\n');
    const first = await resolve({ file: "docs.jsonl" }, { baseDir: dir });
    const again = await resolve({ file: "./docs.jsonl" }, { baseDir: dir });
    expect(first.documents.map((document) => document.record)).toEqual([{ text: "from a file", id: 1 }, { text: "second", id: 2 }]);
    expect(again.sourceId).toBe(first.sourceId);
    const missing = await failure(resolve({ file: "nope.csv" }, { baseDir: dir }));
    expect(missing.message).toMatch(/^The source file nope\.csv does not exist \(looked for .*nope\.csv\)\. A file in a design is relative to the design file's folder\.$/);
  });

  it("stores thousands of records in order", async () => {
    const lines = Array.from({ length: 12_345 }, (_, i) => JSON.stringify({ text: `document number ${i}`, n: i }));
    const source = await upload("many.jsonl", lines.join("\n"));
    expect(source.recordCount).toBe(12_345);
    const resolved = await resolve({ sourceId: source.id });
    expect(resolved.documents).toHaveLength(12_345);
    expect(resolved.documents.every((document, i) => document.ordinal === i && document.record.n === i)).toBe(true);
  });
});

describe("sources router", () => {
  it("lists sources with their counts and pages a source's records", async () => {
    const source = await upload("faq.csv", csv);
    const list = await caller.sources.list();
    expect(list.find((entry) => entry.id === source.id)).toMatchObject({ name: "faq.csv", recordCount: 4, columns: ["question", "answer", "topic"], datasetCount: 0, createdAt: expect.stringMatching(/^\d{4}-/) });
    const page = await caller.sources.get({ id: source.id, offset: 1, limit: 2 });
    expect(page.records.map((record) => record.ordinal)).toEqual([1, 2]);
    expect(page.records[0]!.record).toEqual({ question: "Tiny?", answer: "no", topic: "misc" });
  });

  it("previews columns, a suggested text column, the first documents and the skipped counts", async () => {
    const source = await upload("faq.csv", csv);
    const preview = await caller.sources.previewColumns({ source: { sourceId: source.id, textColumn: "answer", maxLength: 3 }, limit: 2 });
    expect(preview).toMatchObject({ fetched: true, columns: ["question", "answer", "topic"], suggestedTextColumn: "question", issue: null, documentCount: 2, skipped: { empty: 1, tooShort: 0, tooLong: 1, overLimit: 0 } });
    if (!preview.fetched) throw new Error("expected a fetched preview");
    expect(preview.documents.map((document) => document.text)).toEqual(["no", "yes"]);
    expect(preview.records).toHaveLength(2);

    const wrong = await caller.sources.previewColumns({ source: { sourceId: source.id } });
    expect(wrong).toMatchObject({ fetched: true, documentCount: 0, issue: expect.stringContaining('has no column "text"') });
  });

  it("previews a source larger than its scan pages and sample exactly as resolving the whole source would", async () => {
    // Over two scan pages: every tenth body empty, every other seventh one too long.
    const records = Array.from({ length: 12_001 }, (_, i) => ({ body: i % 10 === 0 ? "" : i % 7 === 0 ? `long ${"x".repeat(60)}` : `document number ${i}`, note: `note ${i}`, n: i }));
    const source = await upload("large.jsonl", records.map((record) => JSON.stringify(record)).join("\n"));
    const ref = { sourceId: source.id, textColumn: "body", contextColumn: "note", maxLength: 40 };
    const preview = await caller.sources.previewColumns({ source: ref, limit: 3 });
    if (!preview.fetched) throw new Error("expected a fetched preview");
    const whole = await resolve(ref);
    const empty = records.filter((record) => record.body === "").length;
    const tooLong = records.filter((record) => record.body.startsWith("long")).length;
    expect(preview).toMatchObject({ columns: ["body", "note", "n"], issue: null, documentCount: records.length - empty - tooLong, skipped: { empty, tooShort: 0, tooLong, overLimit: 0 } });
    expect(preview.skipped).toEqual(whole.skipped);
    expect(preview.documentCount).toBe(whole.documents.length);
    expect(preview.documents).toEqual(whole.documents.slice(0, 3));
    expect(preview.documents[0]).toEqual({ text: "document number 1", context: "note 1", ordinal: 1, record: records[1] });
    expect(preview.records).toEqual([0, 1, 2].map((ordinal) => ({ ordinal, record: records[ordinal] })));

    // A number column's values are read as the numbers they are stored as.
    const numbers = await caller.sources.previewColumns({ source: { sourceId: source.id, textColumn: "n", maxDocuments: 5 }, limit: 2 });
    expect(numbers).toMatchObject({ documentCount: 5, skipped: { empty: 0, tooShort: 0, tooLong: 0, overLimit: records.length - 5 }, documents: [{ text: "0", record: records[0] }, { text: "1", record: records[1] }] });
  });

  it("refuses to delete a source a dataset uses, naming the dataset, and deletes it once unused", async () => {
    const source = await upload("used.txt", "A document.\n\nAnother one.");
    const dataset = await database.db.dataset.create({ data: { name: "capitals-mcq", type: "mcq", design: { type: "mcq", source: { sourceId: source.id, textColumn: "text" } } }, select: { id: true } });
    expect((await caller.sources.list()).find((entry) => entry.id === source.id)?.datasetCount).toBe(1);
    const refused = await failure(caller.sources.delete({ id: source.id }));
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("CONFLICT");
    expect(refused.message).toBe('The source "used.txt" is used by the dataset "capitals-mcq". Choose another source in that design first, then delete it.');

    await database.db.dataset.delete({ where: { id: dataset.id } });
    expect(await caller.sources.delete({ id: source.id })).toEqual({ id: source.id });
    expect(await database.db.sourceRecord.count({ where: { sourceId: source.id } })).toBe(0);
    const gone = await failure(caller.sources.get({ id: source.id }));
    expect((gone as TRPCError).code).toBe("NOT_FOUND");
  });
});
