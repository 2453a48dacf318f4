// The column plan of an export: the row fields of the dataset type (typed, so a
// Parquet file has a real schema), then the chosen lineage columns, then the
// `split` column. Every format writes the same columns in the same order.
// The plan follows one design (a run's snapshot, or the dataset's current design)
// and adds what the designs the exported rows were made with name beside it, so a
// variable renamed since an older run still exports that run's values.
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

const OUTPUT_TYPES: Record<string, FieldType> = { string: "string", enum: "string", number: "double", boolean: "bool" };

/** What the plan takes from its design and the rows' designs: the plan's own first, then what only the others name. */
type PlanInfo = { multiLabel: boolean; outputFields: { name: string; type: string }[]; origins: ("source" | "topic")[]; variables: string[] };

function planInfo(design: unknown, rowDesigns: readonly unknown[]): PlanInfo {
  const designs = [design, ...rowDesigns];
  const outputFields = designs.flatMap((each) => reviewDesignInfo(each).outputFields);
  return {
    multiLabel: designs.some((each) => reviewDesignInfo(each).multiLabel),
    // One column per field name; designs that type it differently (a `score` once a string, now a number) make it text, so no row's value is lost.
    outputFields: outputFields
      .filter((field, index) => outputFields.findIndex((other) => other.name === field.name) === index)
      .map((field) => (outputFields.some((other) => other.name === field.name && OUTPUT_TYPES[other.type] !== OUTPUT_TYPES[field.type]) ? { ...field, type: "string" } : field)),
    origins: [...new Set(designs.map((each): "source" | "topic" => (hasSource(each) ? "source" : "topic")))],
    variables: [...new Set(designs.flatMap(expansionVariableNames))],
  };
}

function typeFields(type: DatasetTypeName, info: PlanInfo, dataKeys: readonly string[]): Field[] {
  // topic or source: whichever the designs draw their rows from.
  const origins = info.origins.map((name): Field => [name, "string"]);
  switch (type) {
    case "classification":
      return [["text", "string"], ["label", "string"], ...(info.multiLabel ? [["labels", { list: "string" }] as Field] : []), ["language", "string"]];
    case "text":
      return [["text", "string"], ["document_type", "string"], ["topic", "string"], ["language", "string"]];
    case "conversation":
      return [["messages", { list: MESSAGE }], ["persona", "string"], ["topic", "string"], ["subtopic", "string"], ["language", "string"]];
    case "mcq":
      return [["instruction", "string"], ["answer", "string"], ["distractors", { list: "string" }], ["source", "string"], ["language", "string"]];
    case "preference":
      return [
        ["instruction", "string"], ["chosen", "string"], ["rejected", "string"], ["models", PAIR_TEXT], ["scores", PAIR_SCORE], ["assessments", PAIR_TEXT],
        ["swapped", "bool"], ["evolution", { list: "string" }], ...origins, ["language", "string"],
      ];
    case "reasoning":
      return [
        ["instruction", "string"], ["reasoning", "string"], ["answer", "string"], ["reasoning_source", "string"], ["verified", "bool"], ["verification", "string"],
        ...origins, ["language", "string"],
      ];
    case "transform": {
      // The source's columns as text (a file's cells are text; other values are written as JSON), then the typed output fields.
      const outputNames = new Set(info.outputFields.map((field) => field.name));
      return [...dataKeys.filter((key) => !outputNames.has(key)).map((key): Field => [key, "string"]), ...info.outputFields.map((field): Field => [field.name, OUTPUT_TYPES[field.type] ?? "string"])];
    }
  }
}

function lineageFields(name: LineageColumnName, info: PlanInfo): [string, ColumnType, string][] {
  switch (name) {
    case "row_id": return [["row_id", "string", "id"]];
    case "run_id": return [["run_id", "string", "runId"]];
    case "model": return [["model", "string", "model"]];
    case "language": return [["language", "string", "language"]];
    case "variables": return info.variables.map((variable) => [`variable_${variable}`, "string", `variables.${variable}`]);
    case "tokens": return [["input_tokens", "int", "inputTokens"], ["output_tokens", "int", "outputTokens"], ["reasoning_tokens", "int", "reasoningTokens"]];
    case "cost": return [["cost_usd", "double", "costUsd"]];
  }
}

export type ColumnPlanInput = {
  type: DatasetTypeName;
  /** The design the plan follows: a run's snapshot for a run, the current design for a dataset. */
  design: unknown;
  /**
   * The designs the exported rows were made with (their runs' snapshots). What they name beside
   * `design` is added after its own: expansion variables, transform output fields, a multi-label
   * `labels` column, a `source` or `topic` column. Nothing a row carries is dropped.
   */
  rowDesigns?: readonly unknown[];
  options: { lineage: readonly LineageColumnName[]; split: ExportOptions["split"] };
  dataKeys?: readonly string[];
};

export function planColumns({ type, design, rowDesigns = [], options, dataKeys = [] }: ColumnPlanInput): ExportColumn[] {
  const info = planInfo(design, rowDesigns);
  const columns: ExportColumn[] = typeFields(type, info, dataKeys).map(([name, columnType]) => ({ name, type: columnType, source: "data", key: name }));
  const taken = new Set(columns.map((column) => column.name));
  for (const lineage of options.lineage) {
    for (const [name, columnType, key] of lineageFields(lineage, info)) {
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
