// The column plan of an export: the row fields of the dataset type (typed, so a
// Parquet file has a real schema), then the chosen lineage columns, then the
// `split` column. Every format writes the same columns in the same order.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { expansionVariableNames, type ExportOptions, type LineageColumnName } from "@/lib/exports/export-options";
import { reviewDesignInfo } from "@/lib/review/row-edits";

export type FieldType = "string" | "int" | "double" | "bool";
export type StructType = { struct: Record<string, FieldType> };
export type ColumnType = FieldType | StructType | { list: FieldType | StructType };

/** `data`: a field of the row; `lineage`: from the row's record; `split`: the row's part. */
export type ExportColumn = { name: string; type: ColumnType; source: "data" | "lineage" | "split"; key: string };

const MESSAGE: StructType = { struct: { role: "string", content: "string" } };
const PAIR_TEXT: StructType = { struct: { chosen: "string", rejected: "string" } };
const PAIR_SCORE: StructType = { struct: { chosen: "double", rejected: "double" } };

type Field = [name: string, type: ColumnType];

function hasSource(design: unknown): boolean {
  return typeof design === "object" && design !== null && "source" in design && Boolean((design as { source?: unknown }).source);
}

/** topic or source: whichever the design draws its rows from. */
const origin = (design: unknown): Field => (hasSource(design) ? ["source", "string"] : ["topic", "string"]);

const OUTPUT_TYPES: Record<string, FieldType> = { string: "string", enum: "string", number: "double", boolean: "bool" };

function typeFields(type: DatasetTypeName, design: unknown, dataKeys: readonly string[]): Field[] {
  switch (type) {
    case "classification":
      return [["text", "string"], ["label", "string"], ...(reviewDesignInfo(design).multiLabel ? [["labels", { list: "string" }] as Field] : []), ["language", "string"]];
    case "text":
      return [["text", "string"], ["document_type", "string"], ["topic", "string"], ["language", "string"]];
    case "conversation":
      return [["messages", { list: MESSAGE }], ["persona", "string"], ["topic", "string"], ["subtopic", "string"], ["language", "string"]];
    case "mcq":
      return [["instruction", "string"], ["answer", "string"], ["distractors", { list: "string" }], ["source", "string"], ["language", "string"]];
    case "preference":
      return [
        ["instruction", "string"], ["chosen", "string"], ["rejected", "string"], ["models", PAIR_TEXT], ["scores", PAIR_SCORE], ["assessments", PAIR_TEXT],
        ["swapped", "bool"], ["evolution", { list: "string" }], origin(design), ["language", "string"],
      ];
    case "reasoning":
      return [
        ["instruction", "string"], ["reasoning", "string"], ["answer", "string"], ["reasoning_source", "string"], ["verified", "bool"], ["verification", "string"],
        origin(design), ["language", "string"],
      ];
    case "transform": {
      // The source's columns as text (a file's cells are text; other values are written as JSON), then the typed output fields.
      const outputs = reviewDesignInfo(design).outputFields;
      const outputNames = new Set(outputs.map((field) => field.name));
      return [...dataKeys.filter((key) => !outputNames.has(key)).map((key): Field => [key, "string"]), ...outputs.map((field): Field => [field.name, OUTPUT_TYPES[field.type] ?? "string"])];
    }
  }
}

function lineageFields(name: LineageColumnName, design: unknown): [string, ColumnType, string][] {
  switch (name) {
    case "row_id": return [["row_id", "string", "id"]];
    case "run_id": return [["run_id", "string", "runId"]];
    case "model": return [["model", "string", "model"]];
    case "language": return [["language", "string", "language"]];
    case "variables": return expansionVariableNames(design).map((variable) => [`variable_${variable}`, "string", `variables.${variable}`]);
    case "tokens": return [["input_tokens", "int", "inputTokens"], ["output_tokens", "int", "outputTokens"], ["reasoning_tokens", "int", "reasoningTokens"]];
    case "cost": return [["cost_usd", "double", "costUsd"]];
  }
}

export type ColumnPlanInput = { type: DatasetTypeName; design: unknown; options: { lineage: readonly LineageColumnName[]; split: ExportOptions["split"] }; dataKeys?: readonly string[] };

export function planColumns({ type, design, options, dataKeys = [] }: ColumnPlanInput): ExportColumn[] {
  const columns: ExportColumn[] = typeFields(type, design, dataKeys).map(([name, columnType]) => ({ name, type: columnType, source: "data", key: name }));
  const taken = new Set(columns.map((column) => column.name));
  for (const lineage of options.lineage) {
    for (const [name, columnType, key] of lineageFields(lineage, design)) {
      // Every type but transform already has the row's language; a row field of the same name keeps its name.
      if (lineage === "language" && taken.has("language")) continue;
      const unique = taken.has(name) ? `lineage_${name}` : name;
      taken.add(unique);
      columns.push({ name: unique, type: columnType, source: "lineage", key });
    }
  }
  if (options.split?.as === "column") columns.push({ name: taken.has("split") ? "lineage_split" : "split", type: "string", source: "split", key: "split" });
  return columns;
}
