// .txt: one document per block of lines separated by blank lines (the way people
// write notes and paragraphs), or the whole file as one document.
import { cleanText } from "../flatten";
import { normalizeNewlines } from "./encoding";
import type { ParsedRecords } from "./types";

/** Blocks separated by one or more blank (or whitespace-only) lines, trimmed, empty ones dropped. */
export function splitBlocks(text: string): string[] {
  return normalizeNewlines(text)
    .split(/\n(?:[ \t\f\v]*\n)+/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

export function textRecords(documents: string[]): ParsedRecords {
  return { records: documents.map((text) => ({ text: cleanText(text) })), columns: ["text"], skippedEmpty: 0 };
}

export function wholeFileRecords(text: string): ParsedRecords {
  const whole = normalizeNewlines(text).trim();
  return textRecords(whole ? [whole] : []);
}

export function parseText(text: string, options: { wholeFile?: boolean }): ParsedRecords {
  return options.wholeFile ? wholeFileRecords(text) : textRecords(splitBlocks(text));
}
