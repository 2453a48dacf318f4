// .csv and .tsv per RFC 4180: separated fields, a field in double quotes may hold
// the separator, newlines and doubled quotes (""), the first row names the columns.
// The separator (comma, semicolon, tab or pipe) is detected from the first rows.
// Values stay strings: CSV has no types, and a template renders text anyway.
import type { CsvSeparator } from "@/lib/sources/formats";
import type { SourceRecord } from "@/lib/sources/source-ref";
import { cleanText } from "../flatten";
import { csvSeparators, detectCsvSeparator } from "./csv-separator";
import { normalizeNewlines } from "./encoding";
import { fileError } from "./errors";
import type { ParsedRecords } from "./types";

type CsvRow = { fields: string[]; line: number };

/**
 * Rows with the physical line each starts on (quoted newlines make rows span lines).
 * `separator` null: one column, each line (or quoted field) is one field.
 */
function readCsvRows(input: string, fileName: string, separator: CsvSeparator | null): CsvRow[] {
  const text = normalizeNewlines(input);
  const sep = separator ? csvSeparators[separator] : null;
  const nextPlace = separator ? `the next ${separator}` : "the end of the line";
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    rows.push({ fields, line: rowLine });
    fields = [];
    rowLine = line;
  };
  while (i <= text.length) {
    if (i === text.length) {
      // The last row, unless the file ended with its newline.
      if (fields.length > 0) endRow();
      break;
    }
    if (text[i] === '"') {
      const startLine = line;
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw fileError(fileName, `line ${startLine}`, "a quoted field is never closed. Add its closing double quote, and double every quote inside it (\"\").");
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      line += countNewlines(value);
      const next = text[i];
      if (next !== undefined && next !== sep && next !== "\n") {
        throw fileError(fileName, `line ${line}`, `unexpected text after the closing quote of a field (${JSON.stringify(text.slice(i, i + 12))}). Inside a quoted field write a double quote as "", and put nothing between the closing quote and ${nextPlace}.`);
      }
      fields.push(value);
    } else {
      let end = i;
      while (end < text.length && text[end] !== sep && text[end] !== "\n") end++;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (sep !== null && text[i] === sep) {
      i++;
      if (i === text.length || text[i] === "\n") fields.push("");
      if (i === text.length) endRow();
    }
    if (text[i] === "\n") {
      i++;
      line++;
      endRow();
    }
  }
  return rows;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function headerColumns(header: CsvRow, fileName: string): string[] {
  const columns = header.fields.map((name, index) => cleanText(name.trim()) || `column_${index + 1}`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) throw fileError(fileName, `line ${header.line}`, `the header names the column "${column}" twice. Rename one of them so every column has its own name.`);
    seen.add(column);
  }
  return columns;
}

/** How a row with the wrong field count is fixed, in the file's own separator. */
function quoteHint(separator: CsvSeparator): string {
  const example = separator === "tab" ? "" : ` ("a${csvSeparators[separator]} b")`;
  const readAs = separator === "comma" ? "" : ` (the file was read as ${separator}-separated)`;
  return `Put a field that contains a ${separator} in double quotes${example}, or add or remove fields so the row matches the header${readAs}.`;
}

/** The separator of a CSV text named `fileName` (a .tsv prefers tab when it is a tie); null: one column. */
export function csvSeparatorFor(text: string, fileName: string): CsvSeparator | null {
  return detectCsvSeparator(text, { preferTab: fileName.toLowerCase().endsWith(".tsv") });
}

/**
 * Records, columns and the separator used: null when the header has none of
 * them, a one-column file whose rows are never split (commas and all).
 */
export function parseCsv(text: string, options: { fileName: string }): ParsedRecords & { separator: CsvSeparator | null } {
  const { fileName } = options;
  const separator = csvSeparatorFor(text, fileName);
  // A blank line is not a row (RFC 4180 has none; spreadsheets leave them at the end).
  const rows = readCsvRows(text, fileName, separator).filter((row) => !(row.fields.length === 1 && row.fields[0] === ""));
  const header = rows.shift();
  if (!header) return { records: [], columns: [], skippedEmpty: 0, separator: null };
  const columns = headerColumns(header, fileName);
  const records: SourceRecord[] = [];
  let skippedEmpty = 0;
  rows.forEach((row, index) => {
    // Read as one column (separator null), every row has one field and always matches.
    if (row.fields.length !== columns.length) {
      throw fileError(
        fileName,
        `line ${row.line} (row ${index + 1})`,
        `this row has ${row.fields.length} field${row.fields.length === 1 ? "" : "s"} but the header has ${columns.length} column${columns.length === 1 ? "" : "s"}. ${quoteHint(separator ?? "comma")}`,
      );
    }
    if (row.fields.every((field) => field.trim() === "")) {
      skippedEmpty++;
      return;
    }
    const record: SourceRecord = {};
    columns.forEach((column, position) => {
      record[column] = cleanText(row.fields[position] ?? "");
    });
    records.push(record);
  });
  return { records, columns, skippedEmpty, separator };
}
