// From records to documents: the text column (and optional context column) of
// each record, within the length bounds, in source order. Pure, so previews,
// planning and tests all count skipped documents the same way.
import { closestName } from "@/lib/prompts";
import type { ResolvedSource, SourceDocument, SourceRecord, SourceRef } from "@/lib/sources/source-ref";
import { AppError } from "@/server/errors";

export type SelectOptions = Pick<SourceRef, "textColumn" | "contextColumn" | "minLength" | "maxLength" | "maxDocuments">;
export type SourceRecordRow = { ordinal: number; record: SourceRecord };
export type Skipped = ResolvedSource["skipped"];

function valueText(value: SourceRecord[string] | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

function missingColumn(sourceName: string, role: string, column: string, columns: string[]): AppError {
  const guess = closestName(column, columns);
  const available = columns.length > 0 ? columns.map((name) => `"${name}"`).join(", ") : "none";
  return new AppError(
    "BAD_REQUEST",
    `The source "${sourceName}" has no column "${column}" for the ${role}${guess ? ` (did you mean "${guess}"?)` : ""}. Its columns are: ${available}. Set ${role === "text" ? "textColumn" : "contextColumn"} to one of them.`,
    [{ path: `source.${role === "text" ? "textColumn" : "contextColumn"}`, message: `no column "${column}"; available: ${available}` }],
  );
}

/** Throws an AppError naming the column and the available ones when the text or context column is absent. */
export function requireColumns(sourceName: string, columns: string[], options: Pick<SelectOptions, "textColumn" | "contextColumn">): void {
  if (!columns.includes(options.textColumn)) throw missingColumn(sourceName, "text", options.textColumn, columns);
  if (options.contextColumn !== undefined && !columns.includes(options.contextColumn)) throw missingColumn(sourceName, "context", options.contextColumn, columns);
}

export function selectDocuments(rows: Iterable<SourceRecordRow>, options: SelectOptions): { documents: SourceDocument[]; skipped: Skipped } {
  const skipped: Skipped = { empty: 0, tooShort: 0, tooLong: 0, overLimit: 0 };
  const documents: SourceDocument[] = [];
  const limit = options.maxDocuments ?? Number.POSITIVE_INFINITY;
  for (const { ordinal, record } of rows) {
    const text = valueText(record[options.textColumn]);
    if (text === "") skipped.empty++;
    else if (text.length < options.minLength) skipped.tooShort++;
    else if (text.length > options.maxLength) skipped.tooLong++;
    else if (documents.length >= limit) skipped.overLimit++;
    else {
      const context = options.contextColumn === undefined ? "" : valueText(record[options.contextColumn]);
      documents.push(context ? { text, context, record, ordinal } : { text, record, ordinal });
    }
  }
  return { documents, skipped };
}

/** "text" when there is one, else the column with the longest values on average in the first records. */
export function suggestTextColumn(columns: string[], records: SourceRecord[]): string | undefined {
  if (columns.includes("text")) return "text";
  const sample = records.slice(0, 50);
  let best: { column: string; length: number } | undefined;
  for (const column of columns) {
    const length = sample.reduce((sum, record) => sum + (typeof record[column] === "string" ? (record[column] as string).length : 0), 0);
    if (length > 0 && (!best || length > best.length)) best = { column, length };
  }
  return best?.column ?? columns[0];
}
