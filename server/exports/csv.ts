// CSV: RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted,
// quotes doubled), a header row, UTF-8 with an optional byte-order mark. Lists
// and structs are written as JSON text. Generated text is untrusted: a text cell
// that a spreadsheet would run as a formula is neutralized.
import type { ColumnType, ExportColumn } from "./columns";
import type { ExportEncoder } from "./types";

/** What a spreadsheet treats as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes a spreadsheet show the cell as text; it is the usual neutralization. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A typed value as a CSV field. Numbers and booleans are never formulas; text and JSON are checked. */
export function csvField(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (type === "int" || type === "double" || type === "bool") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return quoteCsvField(neutralizeFormula(text));
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.join(",")}\r\n`;
}

export function createCsvEncoder(columns: readonly ExportColumn[], options: { bom: boolean }): ExportEncoder {
  return {
    start: () => [`${options.bom ? "\uFEFF" : ""}${csvLine(columns.map((column) => quoteCsvField(neutralizeFormula(column.name))))}`],
    add: ({ typed }) => [csvLine(columns.map((column, index) => csvField(column.type, typed[index])))],
    end: () => [],
  };
}
