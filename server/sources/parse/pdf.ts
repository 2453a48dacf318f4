// .pdf: the text layer of each page (pdf.js through unpdf, pure JS, no browser,
// no network), one document per page or one for the whole file. A scanned page
// has no text layer: it is skipped and counted, never OCR'd.
import type { SourceRecord } from "@/lib/sources/source-ref";
import { cleanText } from "../flatten";
import { fileError } from "./errors";
import type { ParsedRecords } from "./types";

function tidy(page: string): string {
  return page
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

async function pageTexts(bytes: Uint8Array, fileName: string): Promise<string[]> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  let document;
  try {
    // A copy: pdf.js may transfer (detach) the buffer it is given.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw fileError(fileName, undefined, "the PDF is password-protected. Save a copy without the password (for example with Print → Save as PDF) and upload that.");
    throw fileError(fileName, undefined, `not a readable PDF (${(error as Error).message}). Export it again as PDF, or upload its text as a .txt file.`);
  }
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text.map((page) => tidy(cleanText(page)));
  } finally {
    await document.loadingTask.destroy();
  }
}

export async function parsePdf(bytes: Uint8Array, options: { fileName: string; wholeFile?: boolean }): Promise<ParsedRecords> {
  const pages = await pageTexts(bytes, options.fileName);
  if (options.wholeFile) {
    const text = pages.filter(Boolean).join("\n\n");
    return { records: text ? [{ text, pages: pages.length }] : [], columns: ["text", "pages"], skippedEmpty: 0 };
  }
  const records: SourceRecord[] = [];
  pages.forEach((text, index) => {
    if (text) records.push({ text, page: index + 1 });
  });
  return { records, columns: ["text", "page"], skippedEmpty: pages.length - records.length };
}
