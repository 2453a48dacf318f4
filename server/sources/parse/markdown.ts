// .md: like .txt, blank-line blocks or the whole file, with the markdown kept as
// written. Two markdown rules matter for blocks: a fenced code block is never cut
// at its blank lines, and a heading stays with the paragraph under it.
import { normalizeNewlines } from "./encoding";
import { textRecords, wholeFileRecords } from "./text";
import type { ParsedRecords } from "./types";

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const headingOnly = /^ {0,3}#{1,6}(\s|$)/;

function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  let fence: string | undefined;
  for (const line of normalizeNewlines(text).split("\n")) {
    if (fence) {
      current.push(line);
      const close = fenceOpen.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length && line.trim() === close) fence = undefined;
      continue;
    }
    if (line.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    fence = fenceOpen.exec(line)?.[1];
    current.push(line);
  }
  if (current.length > 0) blocks.push(current);

  // A block made only of headings introduces the next one.
  const merged: string[] = [];
  let pending: string[] = [];
  for (const block of blocks) {
    if (block.every((line) => headingOnly.test(line))) {
      pending.push(block.join("\n"));
      continue;
    }
    merged.push([...pending, block.join("\n")].join("\n\n"));
    pending = [];
  }
  if (pending.length > 0) merged.push(pending.join("\n\n"));
  return merged.map((block) => block.trim()).filter((block) => block.length > 0);
}

export function parseMarkdown(text: string, options: { wholeFile?: boolean }): ParsedRecords {
  return options.wholeFile ? wholeFileRecords(text) : textRecords(splitMarkdownBlocks(text));
}
