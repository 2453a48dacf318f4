import { describe, expect, it } from "vitest";
import { decodeText } from "./encoding";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, "utf16le").swap16());

describe("decodeText", () => {
  it("reads plain UTF-8, including non-ASCII", () => {
    expect(decodeText(new TextEncoder().encode("café — 日本"), "a.txt")).toEqual({ text: "café — 日本", encoding: "utf-8" });
  });

  it("strips a UTF-8 BOM", () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), "a.txt")).toEqual({ text: "hi", encoding: "utf-8" });
  });

  it("detects UTF-16LE and UTF-16BE by their BOM", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le("héllo\nwörld")]), "a.txt")).toEqual({ text: "héllo\nwörld", encoding: "utf-16le" });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be("héllo")]), "a.txt")).toEqual({ text: "héllo", encoding: "utf-16be" });
  });

  it("detects BOM-less UTF-16 by its NUL bytes instead of reading them as UTF-8", () => {
    expect(decodeText(utf16le("text,label\nhello,1\n"), "a.csv")).toEqual({ text: "text,label\nhello,1\n", encoding: "utf-16le" });
    expect(decodeText(utf16be("text,label\nhello,1\n"), "a.csv")).toEqual({ text: "text,label\nhello,1\n", encoding: "utf-16be" });
  });

  it("falls back to windows-1252 (Latin-1) when the bytes are not valid UTF-8", () => {
    // "café €5" as written by a legacy Windows editor: é = 0xE9, € = 0x80.
    expect(decodeText(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35), "a.txt")).toEqual({ text: "café €5", encoding: "windows-1252" });
  });

  it("rejects binary files, naming the line of the first NUL byte", () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0x00, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68]), "data.txt")).toThrow(/^data\.txt, line 2: the file contains NUL bytes, so it is binary/);
  });

  it("recognises a PDF uploaded with a text extension", () => {
    expect(() => decodeText(new TextEncoder().encode("%PDF-1.4\n..."), "report.txt")).toThrow("report.txt: this is a PDF file with another extension. Rename it to .pdf");
  });
});
