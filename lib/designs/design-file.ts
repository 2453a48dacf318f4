// A design as a file: the JSON that `cli generate` reads and the UI imports and exports.
import { datasetDesignSchema, type DatasetDesign } from "./design-schema";
import { formatIssues } from "./format-issues";

export type DesignFileIssue = { path: string; message: string };

export type DesignFileResult =
  | { ok: true; design: DatasetDesign }
  | { ok: false; kind: "json"; message: string; line?: number }
  | { ok: false; kind: "design"; issues: DesignFileIssue[] };

/**
 * Parses and validates design JSON. A top-level `"$schema"` (which points editors at the
 * schema from `npm run cli -- schema`) is allowed and dropped; anything else unknown is an issue.
 */
export function parseDesignText(text: string): DesignFileResult {
  const source = text.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return { ok: false, kind: "json", message, ...(position ? { line: source.slice(0, Number(position[1])).split("\n").length } : {}) };
  }
  const parsed = datasetDesignSchema.safeParse(withoutSchemaKey(json));
  return parsed.success ? { ok: true, design: parsed.data } : { ok: false, kind: "design", issues: formatIssues(parsed.error) };
}

function withoutSchemaKey(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json) || !("$schema" in json)) return json;
  const { $schema, ...rest } = json as Record<string, unknown>;
  return typeof $schema === "string" ? rest : json;
}

/** The file's text: 2-space indented, ending in a newline. */
export function designToText(design: unknown): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

/** `Support intents!` → `support-intents.design.json`; a name with nothing usable gives `dataset.design.json`. */
export function designFileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
  return `${slug || "dataset"}.design.json`;
}

/**
 * Paths (`models.1`, `expansion.count`) where two designs differ; a field present on one side
 * only, or an object none of whose fields match, is named once, not each of its leaves.
 * Used to say what an import could not keep.
 */
export function designDifferences(a: unknown, b: unknown, path = ""): string[] {
  if (Object.is(a, b)) return [];
  const here = path === "" ? "(design)" : path;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [here];
  const join = (key: string) => (path === "" ? key : `${path}.${key}`);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => left[key] !== undefined || right[key] !== undefined);
  const differing = keys.map((key) => (left[key] === undefined || right[key] === undefined ? [join(key)] : designDifferences(left[key], right[key], join(key))));
  // Nothing in common (e.g. another expansion mode): name the whole object, not each field.
  if (path !== "" && keys.length > 1 && differing.every((paths) => paths.length > 0)) return [here];
  return differing.flat();
}
