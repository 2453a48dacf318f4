// POST /api/sources (the handler behind app/api/sources/route.ts): raw and
// multipart uploads are stored; oversize bodies are cut off as they stream in;
// bad files answer 400 with the file, the line and the fix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { makePdf } from "@/server/testing/pdf-fixture";
import { handleSourceUpload } from "./upload";

const LIMIT = 4096;
let database: TestDatabase;

function post(query: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", body, headers, duplex: "half" };
  return handleSourceUpload(database.db, new Request(`http://localhost/api/sources${query}`, init), LIMIT);
}

async function errorOf(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: string }).error;
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("source upload route", () => {
  it("stores a raw body named by ?filename= and returns the source", async () => {
    const response = await post("?filename=faq.csv", "question,answer\nWhy?,Because\n");
    expect(response.status).toBe(201);
    const { source } = (await response.json()) as { source: Record<string, unknown> };
    expect(source).toMatchObject({ name: "faq.csv", kind: "upload", format: "csv", columns: ["question", "answer"], recordCount: 1, sizeBytes: 29 });
    expect(source).not.toHaveProperty("originKey");
  });

  it("stores a multipart upload, honouring wholeFile", async () => {
    const form = new FormData();
    form.set("file", new File([makePdf([["Page one"], ["Page two"]])], "guide.pdf", { type: "application/pdf" }));
    form.set("wholeFile", "true");
    const response = await post("", form);
    expect(response.status).toBe(201);
    const { source } = (await response.json()) as { source: { id: string; recordCount: number; wholeFile: boolean; format: string } };
    expect(source).toMatchObject({ format: "pdf", wholeFile: true, recordCount: 1 });
    const [record] = await database.db.sourceRecord.findMany({ where: { sourceId: source.id } });
    expect(record?.record).toEqual({ text: "Page one\n\nPage two", pages: 2 });
  });

  it("rejects a body whose declared size is over the limit, naming size and limit", async () => {
    const body = "x".repeat(LIMIT + 1024);
    expect(await errorOf(await post("?filename=big.txt", body, { "content-length": String(body.length) }))).toBe(
      "big.txt: the file is 5 KB, above the 4 KB limit for source files. Split it into smaller files, or raise SOURCE_MAX_BYTES on the server.",
    );
  });

  it("cuts off a streamed body once it passes the limit", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless: only the limit can end this upload.
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
    });
    expect(await errorOf(await post("?filename=endless.txt", stream))).toBe("endless.txt: the file is larger than the 4 KB limit for source files. Split it into smaller files, or raise SOURCE_MAX_BYTES on the server.");
    expect(sent).toBeLessThan(LIMIT * 3);
  });

  it("rejects an oversize file inside a multipart form", async () => {
    const form = new FormData();
    form.set("file", new File(["y".repeat(LIMIT + 10)], "big.md"));
    expect(await errorOf(await post("", form))).toMatch(/^big\.md: the file is 4,106 bytes, above the 4,096 bytes limit/);
  });

  it("cuts off a multipart body far over the limit before reading the file's name", async () => {
    const form = new FormData();
    form.set("file", new File(["z".repeat(200 * 1024)], "huge.txt"));
    // Encoded first: cancelling undici's own FormData stream mid-way throws inside undici.
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    expect(await errorOf(await post("", body, { "content-type": encoded.headers.get("content-type")! }))).toBe("The uploaded file is larger than the 4 KB limit for source files. Split it into smaller files, or raise SOURCE_MAX_BYTES on the server.");
  });

  it("rejects unsupported formats and bad files with the file, the line and the fix", async () => {
    expect(await errorOf(await post("?filename=slides.pptx", "x"))).toMatch(/^slides\.pptx: unsupported file type\. Upload one of \.txt/);
    expect(await errorOf(await post("?filename=rows.jsonl", '{"text":"ok"}\n{"text": oops}\n'))).toMatch(/^rows\.jsonl, line 2: not valid JSON \(.+\)\. Each line must be one JSON object/);
    expect(await errorOf(await post("?filename=rows.csv", "a,b\n1,2,3\n"))).toMatch(/^rows\.csv, line 2 \(row 1\): this row has 3 fields but the header has 2 columns/);
  });

  it("asks for a file name when a raw body has none, and for a file field in a form", async () => {
    expect(await errorOf(await post("", "text"))).toBe('Name the file: add ?filename=notes.csv to the URL (its extension decides how it is read), or send multipart/form-data with a "file" field.');
    const form = new FormData();
    form.set("other", "value");
    expect(await errorOf(await post("", form))).toBe('The form has no file: send it in a field named "file".');
  });
});
