// Which character separates a CSV's fields: comma, semicolon (European
// spreadsheets), tab (.tsv) or pipe. Like Python's csv.Sniffer, it reads the
// first rows with each candidate and keeps the one that splits the header into
// columns and every sampled row into the same number of fields. Quoted fields
// are read as the parser reads them, so a separator inside quotes never counts.
import type { CsvSeparator } from "@/lib/sources/formats";
import { normalizeNewlines } from "./encoding";

export const csvSeparators: Record<CsvSeparator, string> = { comma: ",", semicolon: ";", tab: "\t", pipe: "|" };

/** Ties go to the earlier one; a .tsv file puts tab first. */
const preference: CsvSeparator[] = ["comma", "tab", "semicolon", "pipe"];

/** Enough rows to see a separator's consistency, few enough to stay instant on a 20 MB file. */
const SAMPLE_ROWS = 50;
const SAMPLE_CHARS = 64 * 1024;

/**
 * Fields per non-blank row of the sample with `separator`, read leniently: a
 * quote opens a field only at its start (as in the parser) and runs to the next
 * lone quote; anything after it up to the separator is part of that field.
 * The last row counts only when the sample is the `complete` file.
 */
function fieldCounts(text: string, separator: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let content = false;
  let atFieldStart = true;
  let i = 0;
  while (i < text.length && counts.length < SAMPLE_ROWS) {
    const char = text[i]!;
    if (char === '"' && atFieldStart) {
      let close = text.indexOf('"', i + 1);
      while (close >= 0 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
      // Never closed: the rest of the file is one field of this row.
      if (close < 0) return counts;
      content = true;
      atFieldStart = false;
      i = close + 1;
      continue;
    }
    if (char === "\n") {
      if (content || fields > 1) counts.push(fields);
      fields = 1;
      content = false;
      atFieldStart = true;
    } else if (char === separator) {
      fields++;
      atFieldStart = true;
    } else {
      if (char.trim() !== "") content = true;
      atFieldStart = false;
    }
    i++;
  }
  if (complete && i >= text.length && counts.length < SAMPLE_ROWS && (content || fields > 1)) counts.push(fields);
  return counts;
}

/**
 * The separator of a CSV text, from its first rows. A candidate
 * must split the header into at least two columns; among those, the one whose
 * rows most often have exactly the header's field count wins, then the one
 * giving more columns, then comma, tab, semicolon, pipe (tab first when
 * `preferTab`, for .tsv files). `null` when no candidate splits the header:
 * the file has one column.
 */
export function detectCsvSeparator(text: string, options: { preferTab?: boolean } = {}): CsvSeparator | null {
  const order = options.preferTab ? (["tab", ...preference.filter((name) => name !== "tab")] as CsvSeparator[]) : preference;
  const sample = normalizeNewlines(text.slice(0, SAMPLE_CHARS));
  const complete = text.length <= SAMPLE_CHARS;
  let best: { name: CsvSeparator; consistency: number; columns: number } | null = null;
  for (const name of order) {
    const [header, ...rows] = fieldCounts(sample, csvSeparators[name], complete);
    if (header === undefined || header < 2) continue;
    const consistency = rows.length === 0 ? 1 : rows.filter((count) => count === header).length / rows.length;
    const better = !best || consistency > best.consistency || (consistency === best.consistency && header > best.columns);
    if (better) best = { name, consistency, columns: header };
  }
  return best?.name ?? null;
}
