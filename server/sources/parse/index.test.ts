import { describe, expect, it } from "vitest";
import { makePdf } from "@/server/testing/pdf-fixture";
import { csvSeparatorOf, parseSourceFile } from "./index";

const MB = 1024 * 1024;
const file = (name: string, content: string | Uint8Array) => ({ name, bytes: typeof content === "string" ? new TextEncoder().encode(content) : content });

describe("parseSourceFile", () => {
  it("picks the parser by extension and reports format, encoding and size", async () => {
    const result = await parseSourceFile(file("notes.TXT", "one\n\ntwo"), { maxBytes: MB });
    expect(result).toMatchObject({ format: "txt", encoding: "utf-8", sizeBytes: 8, records: [{ text: "one" }, { text: "two" }] });
    expect((await parseSourceFile(file("rows.ndjson", '{"text":"a"}'), { maxBytes: MB })).format).toBe("jsonl");
    expect((await parseSourceFile(file("doc.pdf", makePdf([["Hello"]])), { maxBytes: MB })).encoding).toBeNull();
  });

  it("reads a Latin-1 CSV", async () => {
    const latin1 = new Uint8Array(Buffer.from("text,city\nd\u00e9j\u00e0 vu,Z\u00fcrich\n", "latin1"));
    const result = await parseSourceFile(file("legacy.csv", latin1), { maxBytes: MB });
    expect(result.encoding).toBe("windows-1252");
    expect(result.records).toEqual([{ text: "déjà vu", city: "Zürich" }]);
  });

  it("reads a UTF-16 semicolon CSV and a Latin-1 .tsv, reporting the separator; csvSeparatorOf finds it from a sample", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('text;city\r\n"a; b";Zürich\r\n', "utf16le")]);
    expect(await parseSourceFile(file("eu.csv", utf16), { maxBytes: MB })).toMatchObject({ encoding: "utf-16le", separator: "semicolon", records: [{ text: "a; b", city: "Zürich" }] });
    const tsv = new Uint8Array(Buffer.from("text\tcity\nd\u00e9j\u00e0, vu\tZ\u00fcrich\n", "latin1"));
    expect(await parseSourceFile(file("legacy.tsv", tsv), { maxBytes: MB })).toMatchObject({ format: "csv", encoding: "windows-1252", separator: "tab", records: [{ text: "déjà, vu", city: "Zürich" }] });
    expect((await parseSourceFile(file("one.csv", "text\nhello\n"), { maxBytes: MB })).separator).toBeNull();
    expect((await parseSourceFile(file("notes.txt", "a;b"), { maxBytes: MB })).separator).toBeNull();
    expect(csvSeparatorOf(file("eu.csv", utf16))).toBe("semicolon");
    // Past the 256 KB sample the file is not read; a cut inside a UTF-8 character does not matter.
    const big = "name|note\n" + "é|ü\n".repeat(200_000);
    expect(csvSeparatorOf(file("big.csv", big))).toBe("pipe");
    expect(csvSeparatorOf(file("notes.txt", "a;b\n1;2"))).toBeNull();
  });

  it("reads a UTF-16 JSONL file with a BOM", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('{"text":"naïve"}\n', "utf16le")]);
    const result = await parseSourceFile(file("u.jsonl", bytes), { maxBytes: MB });
    expect(result).toMatchObject({ encoding: "utf-16le", records: [{ text: "naïve" }] });
  });

  it("refuses a file over the size limit, naming the size and the limit", async () => {
    await expect(parseSourceFile(file("big.txt", "x".repeat(3 * 1024 + 512)), { maxBytes: 2048 })).rejects.toThrow(
      "big.txt: the file is 3.5 KB, above the 2 KB limit for source files. Split it into smaller files, or raise SOURCE_MAX_BYTES on the server.",
    );
  });

  it("refuses an unsupported extension and lists the supported ones", async () => {
    await expect(parseSourceFile(file("report.docx", "x"), { maxBytes: MB })).rejects.toThrow("report.docx: unsupported file type. Upload one of .txt, .text, .md, .markdown, .csv, .tsv, .jsonl, .ndjson, .pdf");
  });

  it("refuses empty files and files without documents, saying why", async () => {
    await expect(parseSourceFile(file("empty.txt", ""), { maxBytes: MB })).rejects.toThrow("empty.txt: the file is empty.");
    await expect(parseSourceFile(file("header.csv", "text,label\n"), { maxBytes: MB })).rejects.toThrow("header.csv: no documents found: it needs a header row naming the columns and at least one row under it.");
    await expect(parseSourceFile(file("scan.pdf", makePdf([[]])), { maxBytes: MB })).rejects.toThrow("scan.pdf: no documents found: no page has a text layer");
  });
});
