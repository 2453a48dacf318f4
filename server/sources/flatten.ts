// Source values are flat (string, number, boolean, null) so every column can be a
// template variable and a table cell. Strings are cleaned of what jsonb refuses.
import type { SourceRecord } from "@/lib/sources/source-ref";

// Postgres jsonb rejects NUL and unpaired surrogates; neither is meaningful text.
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replaceAll("\u0000", "").replace(unpairedSurrogate, "\uFFFD");
}

/** Nested objects and arrays become their JSON text. */
export function flattenValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  return cleanText(JSON.stringify(value) ?? "");
}

export function flattenRecord(object: Record<string, unknown>): SourceRecord {
  const record: SourceRecord = {};
  for (const [key, value] of Object.entries(object)) record[cleanText(key)] = flattenValue(value);
  return record;
}

/** Every column of the records, in the order they first appear. */
export function columnsOf(records: Iterable<SourceRecord>): string[] {
  const columns = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) columns.add(key);
  return [...columns];
}
