// A row as exported: the generated data with the reviewer's edits over it (a
// review stores edited fields only) and the reviewer's labels in place of the
// generated ones, then one value per planned column.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { SplitPart } from "@/lib/exports/export-options";
import type { ColumnType, ExportColumn, FieldType } from "./columns";
import type { ExportRecord } from "./queries";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function exportedData(type: DatasetTypeName, record: Pick<ExportRecord, "data" | "editedData" | "reviewLabels">): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(isObject(record.data) ? record.data : {}), ...(isObject(record.editedData) ? record.editedData : {}) };
  if (type === "classification" && record.reviewLabels?.length) {
    data.label = record.reviewLabels[0];
    if ("labels" in data || record.reviewLabels.length > 1) data.labels = record.reviewLabels;
  }
  return data;
}

function fieldValue(type: FieldType, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "string": return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
    case "int": return typeof value === "number" && Number.isInteger(value) ? value : null;
    case "double": return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "bool": return typeof value === "boolean" ? value : null;
  }
}

/** The value coerced to the column's type; anything that does not fit is null, never invented. */
export function typedValue(type: ColumnType, value: unknown): unknown {
  if (typeof type === "string") return fieldValue(type, value);
  if ("struct" in type) {
    if (!isObject(value)) return null;
    return Object.fromEntries(Object.entries(type.struct).map(([name, fieldType]) => [name, fieldValue(fieldType, value[name])]));
  }
  if (!Array.isArray(value)) return null;
  return value.map((item) => typedValue(type.list, item));
}

function lineageValue(record: ExportRecord, key: string): unknown {
  if (key.startsWith("variables.")) return isObject(record.variables) ? record.variables[key.slice("variables.".length)] : undefined;
  return record[key as keyof ExportRecord];
}

export type RowValues = { typed: unknown[]; raw: unknown[] };

/** `typed` for CSV and Parquet; `raw` keeps a row field's JSON value as generated (JSONL). */
export function rowValues(columns: readonly ExportColumn[], record: ExportRecord, data: Record<string, unknown>, part: SplitPart | null): RowValues {
  const typed: unknown[] = [];
  const raw: unknown[] = [];
  for (const column of columns) {
    const value = column.source === "data" ? data[column.key] : column.source === "lineage" ? lineageValue(record, column.key) : part;
    const coerced = typedValue(column.type, value);
    typed.push(coerced);
    raw.push(column.source === "data" ? (value ?? null) : coerced);
  }
  return { typed, raw };
}
