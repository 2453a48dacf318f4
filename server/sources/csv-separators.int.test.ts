// CSV sources with other separators against a real database: a semicolon CSV
// and a TSV go through the service and the upload route, are stored with their
// columns, resolve into documents, and report how they were read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceRefSchema } from "@/lib/sources/source-ref";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { resolveSource, storeUpload } from "./service";
import { handleSourceUpload } from "./upload";

let database: TestDatabase;

const bytes = (text: string) => new TextEncoder().encode(text);

const semicolonCsv = [
  "question;answer;price",
  '"Why, exactly?";"Because; that is why";1,50',
  'Where?;"Over ""there""";2,25',
  '"Two',
  'lines";yes;3,00',
].join("\r\n");

const tsv = "question\tanswer\nWhy, exactly?\tBecause; that is why\nWhere?\t\"a\ttab\"\n";

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("CSV sources with other separators", () => {
  it("stores a semicolon CSV with its columns and resolves its documents", async () => {
    const { source, separator } = await storeUpload(database.db, { name: "faq-eu.csv", bytes: bytes(semicolonCsv) });
    expect(separator).toBe("semicolon");
    expect(source).toMatchObject({ format: "csv", encoding: "utf-8", columns: ["question", "answer", "price"], recordCount: 3 });
    const rows = await database.db.sourceRecord.findMany({ where: { sourceId: source.id }, orderBy: { ordinal: "asc" } });
    expect(rows.map((row) => row.record)).toEqual([
      { question: "Why, exactly?", answer: "Because; that is why", price: "1,50" },
      { question: "Where?", answer: 'Over "there"', price: "2,25" },
      { question: "Two\nlines", answer: "yes", price: "3,00" },
    ]);
    const resolved = await resolveSource(database.db, sourceRefSchema.parse({ sourceId: source.id, textColumn: "answer" }));
    expect(resolved.documents.map((document) => document.text)).toEqual(["Because; that is why", 'Over "there"', "yes"]);
  });

  it("stores a TSV, and reports the separator again when the same file is uploaded twice", async () => {
    const first = await storeUpload(database.db, { name: "faq.tsv", bytes: bytes(tsv) });
    expect(first.separator).toBe("tab");
    expect(first.source).toMatchObject({ name: "faq.tsv", format: "csv", columns: ["question", "answer"], recordCount: 2 });
    const rows = await database.db.sourceRecord.findMany({ where: { sourceId: first.source.id }, orderBy: { ordinal: "asc" } });
    expect(rows.map((row) => row.record)).toEqual([{ question: "Why, exactly?", answer: "Because; that is why" }, { question: "Where?", answer: "a\ttab" }]);
    const again = await storeUpload(database.db, { name: "faq.tsv", bytes: bytes(tsv) });
    expect(again).toEqual({ source: first.source, separator: "tab" });
  });

  it("answers the upload route with the separator (null for a one-column file)", async () => {
    const post = (name: string, body: string) => handleSourceUpload(database.db, new Request(`http://localhost/api/sources?filename=${name}`, { method: "POST", body }), 1024 * 1024);
    const response = await post("pipes.csv", "text|label\nhello|1\n");
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ source: { name: "pipes.csv", columns: ["text", "label"], recordCount: 1 }, separator: "pipe" });
    const single = await post("single.tsv", "text\nhello, world\n");
    expect(single.status).toBe(201);
    const { source, separator } = (await single.json()) as { source: { id: string; columns: string[] }; separator: string | null };
    expect(separator).toBeNull();
    expect(source.columns).toEqual(["text"]);
    const [record] = await database.db.sourceRecord.findMany({ where: { sourceId: source.id } });
    expect(record?.record).toEqual({ text: "hello, world" });
  });

  it("rejects a bad semicolon row with the file, the line and the separator it was read with", async () => {
    const response = await handleSourceUpload(database.db, new Request("http://localhost/api/sources?filename=bad.csv", { method: "POST", body: "a;b\n1;2\n3;4;5\n" }), 1024 * 1024);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(
      'bad.csv, line 3 (row 2): this row has 3 fields but the header has 2 columns. Put a field that contains a semicolon in double quotes ("a; b"), or add or remove fields so the row matches the header (the file was read as semicolon-separated).',
    );
  });
});
