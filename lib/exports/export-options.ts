// What a download holds: format, which rows, which lineage columns, a seeded
// train/test split, and the CSV byte-order mark. One schema for the export
// page, the route's query string and the CLI, so all three mean the same file.
import { z } from "zod";

export const exportFormats = ["jsonl", "csv", "parquet"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** all rows; rows a reviewer accepted; every row but the rejected ones (pending counts as kept). */
export const exportRowSets = ["all", "accepted", "not_rejected"] as const;
export type ExportRowSet = (typeof exportRowSets)[number];
/** How the row choice reads in a picker (downloads and Hub pushes). */
export const exportRowSetLabels: Record<ExportRowSet, string> = { all: "All rows", accepted: "Accepted rows only", not_rejected: "All but rejected rows" };

/** Columns from the row's lineage, added after the row's own fields. */
export const lineageColumnNames = ["row_id", "run_id", "model", "language", "variables", "tokens", "cost"] as const;
export type LineageColumnName = (typeof lineageColumnNames)[number];

export const splitParts = ["train", "test"] as const;
export type SplitPart = (typeof splitParts)[number];

export const splitModes = ["files", "column"] as const;

const list = (values: readonly string[]) => values.join(", ");

export const exportSplitSchema = z
  .object({
    /** Share of the rows that go to test, 0 < share < 1. */
    testShare: z
      .number({ error: "testShare must be a number between 0 and 1, e.g. 0.1 for 10 % test rows" })
      .gt(0, { error: "testShare must be above 0 (0.1 puts 10 % of the rows in test)" })
      .lt(1, { error: "testShare must be below 1 (0.1 puts 10 % of the rows in test)" }),
    /** The same seed always puts the same row in the same part. */
    seed: z
      .number({ error: "seed must be a whole number" })
      .int({ error: "seed must be a whole number" })
      .min(0, { error: "seed must be 0 or more" })
      .max(4_294_967_295, { error: "seed must be at most 4294967295" })
      .default(42),
    /** files: one file per part; column: one file with a `split` column. */
    as: z.enum(splitModes, { error: `split "as" must be one of ${list(splitModes)}` }).default("column"),
  })
  .strict();

export type ExportSplit = z.output<typeof exportSplitSchema>;

const rowSetSchema = z.enum(exportRowSets, { error: `rows must be one of ${list(exportRowSets)}` }).default("all");

export const exportOptionsSchema = z
  .object({
    format: z.enum(exportFormats, { error: `format must be one of ${list(exportFormats)}` }),
    rows: rowSetSchema,
    lineage: z
      .array(z.enum(lineageColumnNames, { error: `lineage columns must be among ${list(lineageColumnNames)}` }))
      .default([])
      // One order whatever order they were asked in, so a file's columns depend only on the choice.
      .transform((names) => lineageColumnNames.filter((name) => names.includes(name))),
    split: exportSplitSchema.nullable().default(null),
    /** CSV only: start the file with a UTF-8 byte-order mark (what Excel needs to read UTF-8). */
    bom: z.boolean({ error: "bom must be true or false" }).default(false),
  })
  .strict()
  .superRefine((options, ctx) => {
    if (options.bom && options.format !== "csv") ctx.addIssue({ code: "custom", path: ["bom"], message: `bom applies to CSV files only; remove it for ${options.format}` });
  });

export type ExportOptions = z.output<typeof exportOptionsSchema>;

/** The export page's row count: the rows the options select, and the split's parts. */
export const exportCountInputSchema = z.object({ rows: rowSetSchema, split: exportSplitSchema.nullable().default(null) });
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

/** The design's expansion variables, in the design's order: the `variable_<name>` lineage columns. */
export function expansionVariableNames(design: unknown): string[] {
  const variables = typeof design === "object" && design !== null ? (design as { variables?: unknown }).variables : undefined;
  return variables && typeof variables === "object" && !Array.isArray(variables) ? Object.keys(variables) : [];
}

/** One line naming each problem and its field: what a route, a procedure or the CLI answers. */
export function describeExportIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/**
 * The download address's query string. A split exported as files is downloaded one
 * part at a time (`split=train` / `split=test`): two plain downloads, no archive.
 *
 *   format=csv&rows=accepted&lineage=model,cost&test_share=0.1&seed=42&split_as=files&split=test&bom=1
 */
export function exportQueryString(options: ExportOptions, part?: SplitPart): string {
  const params = new URLSearchParams({ format: options.format });
  if (options.rows !== "all") params.set("rows", options.rows);
  if (options.lineage.length) params.set("lineage", options.lineage.join(","));
  if (options.split) {
    params.set("test_share", String(options.split.testShare));
    params.set("seed", String(options.split.seed));
    params.set("split_as", options.split.as);
    if (part) params.set("split", part);
  }
  if (options.bom) params.set("bom", "1");
  return params.toString();
}

const QUERY_KEYS = ["format", "rows", "lineage", "test_share", "seed", "split_as", "split", "bom"];

const numberOrText = (raw: string) => (raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw);

export type ParsedExportQuery = { success: true; options: ExportOptions; part: SplitPart | null } | { success: false; message: string };

/** The query string back into options; every problem named with its parameter and the fix. */
export function parseExportQuery(params: URLSearchParams): ParsedExportQuery {
  const problems: string[] = [];
  const unknown = [...new Set(params.keys())].filter((key) => !QUERY_KEYS.includes(key));
  if (unknown.length) problems.push(`unknown parameter ${unknown.map((key) => `"${key}"`).join(", ")} (known: ${QUERY_KEYS.join(", ")})`);
  const get = (key: string) => params.get(key) ?? undefined;
  const bom = get("bom");
  if (bom !== undefined && !["1", "0", "true", "false"].includes(bom)) problems.push(`bom must be 1 or 0, got "${bom}"`);
  const testShare = get("test_share");
  const splitAs = get("split_as");
  const seed = get("seed");
  if (testShare === undefined && (splitAs !== undefined || seed !== undefined)) problems.push("split_as and seed need test_share (e.g. test_share=0.1)");
  const raw = {
    format: get("format") ?? "jsonl",
    rows: get("rows"),
    lineage: get("lineage")?.split(",").map((name) => name.trim()).filter(Boolean),
    split: testShare === undefined ? undefined : { testShare: numberOrText(testShare), seed: seed === undefined ? undefined : numberOrText(seed), as: splitAs },
    bom: bom === "1" || bom === "true",
  };
  const parsed = exportOptionsSchema.safeParse(raw);
  if (!parsed.success) problems.push(describeExportIssues(parsed.error).replaceAll("split.testShare", "test_share").replaceAll("split.seed", "seed").replaceAll("split.as", "split_as"));
  const part = get("split");
  if (part !== undefined && !(splitParts as readonly string[]).includes(part)) problems.push(`split must be train or test, got "${part}"`);
  if (problems.length || !parsed.success) return { success: false, message: problems.join("; ") };
  const options = parsed.data;
  if (options.split?.as === "files" && part === undefined) return { success: false, message: "a split exported as files is downloaded one part at a time: add split=train or split=test" };
  if (part !== undefined && options.split?.as !== "files") return { success: false, message: "split=train|test picks one file of a split exported as files: add test_share=<share> and split_as=files, or leave split out" };
  return { success: true, options, part: (part as SplitPart | undefined) ?? null };
}
