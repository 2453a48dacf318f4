// The README.md dataset card of a Hub push: YAML front matter the Hub reads
// (configs/data_files per split, license, task categories, size category,
// languages, tags) and a body describing the design. Pure, no I/O.
//
// Everything a user or a model wrote (names, templates, variable values, model
// ids) is untrusted: in the YAML it is only ever a double-quoted scalar with
// every line break and control character escaped, so no text can end the front
// matter or add a key; in the body it sits in fenced blocks longer than any
// backtick run it contains, or is escaped inline.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { ExportRowSet } from "@/lib/exports/export-options";

export type CardSplit = { name: string; path: string; rows: number };
export type CardModel = { model: string; provider: string | null; rows: number };
export type CardReview = { accepted: number; rejected: number; pending: number; edited: number };

export type DatasetCardInput = {
  repoId: string;
  name: string;
  description: string | null;
  type: DatasetTypeName;
  license: string;
  languages: string[];
  models: CardModel[];
  templates: string[];
  variables: Record<string, string[]>;
  splits: CardSplit[];
  rowsFilter: ExportRowSet;
  review: CardReview;
  generatedAt: Date;
};

const TASKS: Record<DatasetTypeName, { categories: string[]; tags: string[] }> = {
  classification: { categories: ["text-classification"], tags: [] },
  text: { categories: ["text-generation"], tags: [] },
  conversation: { categories: ["text-generation"], tags: ["conversational"] },
  mcq: { categories: ["question-answering", "multiple-choice"], tags: ["mcq"] },
  preference: { categories: ["text-generation"], tags: ["dpo", "preference"] },
  reasoning: { categories: ["text-generation", "question-answering"], tags: ["reasoning"] },
  transform: { categories: ["text-generation"], tags: [] },
};

export function taskCategories(type: DatasetTypeName): string[] {
  return TASKS[type].categories;
}

export function cardTags(type: DatasetTypeName): string[] {
  return ["synthetic", "datafast", ...TASKS[type].tags];
}

/** The Hub's size buckets: n<1K, 1K<n<10K, …, n>1T. */
export function sizeCategory(rows: number): string {
  const units = ["1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B", "100B", "1T"];
  if (rows < 1000) return "n<1K";
  for (let index = 1; index < units.length; index++) {
    if (rows < 1000 * 10 ** index) return `${units[index - 1]}<n<${units[index]}`;
  }
  return "n>1T";
}

/** Lone surrogates (possible in model output) become U+FFFD, so every file is valid UTF-8. */
export function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

// JSON.stringify already escapes U+0000–U+001F; these remain, and YAML forbids or breaks lines on them.
const UNSAFE_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** A YAML double-quoted scalar: JSON escapes (valid in YAML) plus escapes for what YAML treats as breaks or forbids. */
export function yamlString(value: string): string {
  return JSON.stringify(wellFormed(value)).replace(UNSAFE_IN_YAML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The front matter, block style, every scalar quoted. */
export function cardFrontMatter(input: Pick<DatasetCardInput, "name" | "type" | "license" | "languages" | "splits">): string {
  const rows = input.splits.reduce((sum, split) => sum + split.rows, 0);
  const list = (key: string, values: string[]) => (values.length === 0 ? [`${key}: []`] : [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)]);
  const lines = [
    `pretty_name: ${yamlString(input.name)}`,
    `license: ${yamlString(input.license)}`,
    ...list("language", input.languages),
    ...list("task_categories", taskCategories(input.type)),
    ...list("size_categories", [sizeCategory(rows)]),
    ...list("tags", cardTags(input.type)),
    "configs:",
    `  - config_name: ${yamlString("default")}`,
    "    data_files:",
    ...input.splits.flatMap((split) => [`      - split: ${yamlString(split.name)}`, `        path: ${yamlString(split.path)}`]),
    "dataset_info:",
    "  splits:",
    ...input.splits.flatMap((split) => [`    - name: ${yamlString(split.name)}`, `      num_examples: ${split.rows}`]),
  ];
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Inline text with Markdown and HTML neutralised; line breaks become spaces. */
export function markdownInline(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (char) => `\\${char}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");
}

/** A fenced block that no content can close early: the fence is longer than any backtick run inside. */
export function fencedBlock(content: string, info = "text"): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${wellFormed(content)}\n${fence}`;
}

const ROWS_MEANING: Record<ExportRowSet, string> = {
  all: "every current row, whatever its review status",
  accepted: "only the rows a reviewer accepted",
  not_rejected: "every current row except the ones a reviewer rejected (pending rows included)",
};

const MAX_VALUES = 100;
const number = (value: number) => new Intl.NumberFormat("en-US").format(value);

function modelsSection(models: CardModel[]): string[] {
  if (models.length === 0) return ["No model is recorded for these rows."];
  return ["| model | provider | rows |", "| --- | --- | ---: |", ...models.map((model) => `| ${markdownInline(model.model)} | ${model.provider ? markdownInline(model.provider) : "—"} | ${number(model.rows)} |`)];
}

function variablesSection(variables: Record<string, string[]>): string[] {
  const entries = Object.entries(variables);
  if (entries.length === 0) return ["The templates use no expansion variables."];
  return entries.flatMap(([name, values]) => {
    const shown = values.slice(0, MAX_VALUES);
    const more = values.length > shown.length ? [`… and ${number(values.length - shown.length)} more values.`, ""] : [];
    return [`**${markdownInline(name)}** (${number(values.length)} value${values.length === 1 ? "" : "s"}):`, "", fencedBlock(JSON.stringify(shown, null, 2), "json"), "", ...more];
  });
}

export function buildDatasetCard(input: DatasetCardInput): string {
  const rows = input.splits.reduce((sum, split) => sum + split.rows, 0);
  const reviewed = input.review.accepted + input.review.rejected;
  const body = [
    `# ${markdownInline(input.name)}`,
    "",
    `A synthetic **${input.type}** dataset of ${number(rows)} rows, generated with datafast.`,
    "",
    ...(input.description ? ["## Description", "", fencedBlock(input.description), ""] : []),
    "## Contents",
    "",
    "| | |",
    "| --- | --- |",
    `| dataset type | ${input.type} |`,
    `| rows | ${number(rows)} |`,
    `| languages | ${input.languages.map(markdownInline).join(", ") || "—"} |`,
    `| rows included | ${ROWS_MEANING[input.rowsFilter]} |`,
    "",
    "| split | rows | file |",
    "| --- | ---: | --- |",
    ...input.splits.map((split) => `| ${markdownInline(split.name)} | ${number(split.rows)} | \`${split.path}\` |`),
    "",
    "## Models",
    "",
    ...modelsSection(input.models),
    "",
    "## Templates",
    "",
    "Each prompt was rendered from one of these templates; `{{variable}}` slots were filled with the values below and the dataset type's built-in variables.",
    "",
    ...input.templates.flatMap((template, index) => [`Template ${index + 1}:`, "", fencedBlock(template), ""]),
    "## Variables",
    "",
    ...variablesSection(input.variables),
    "",
    "## Review",
    "",
    `Of the dataset's current rows, ${number(reviewed)} were reviewed by a person: ${number(input.review.accepted)} accepted, ${number(input.review.rejected)} rejected, ${number(input.review.pending)} pending, ${number(input.review.edited)} edited (the edited text is what this dataset holds).`,
    "",
    "## Usage",
    "",
    fencedBlock(`from datasets import load_dataset\n\ndataset = load_dataset(${JSON.stringify(input.repoId)})`, "python"),
    "",
    "---",
    "",
    `Generated with datafast on ${input.generatedAt.toISOString().slice(0, 10)}. The texts were written by language models: check them before relying on them.`,
    "",
  ];
  return `${cardFrontMatter(input)}\n${body.join("\n")}`;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * What the card says the rows were made from: the current design, then what the designs of the
 * runs behind the rows add (templates, languages, variable values changed since), as the data
 * files carry those runs' columns too.
 */
export function cardDesignParts(designs: unknown[]): { languages: string[]; templates: string[]; variables: Record<string, string[]> } {
  const templates = new Set<string>();
  const languages = new Set<string>();
  const variables = new Map<string, Set<string>>();
  for (const design of designs) {
    const record = (design ?? {}) as Record<string, unknown>;
    for (const template of strings(record.templates)) templates.add(template);
    for (const language of strings(record.languages)) languages.add(language);
    for (const [name, values] of Object.entries((record.variables ?? {}) as Record<string, unknown>)) {
      const known = variables.get(name) ?? new Set<string>();
      for (const value of strings(values)) known.add(value);
      variables.set(name, known);
    }
  }
  return { languages: [...languages], templates: [...templates], variables: Object.fromEntries([...variables].map(([name, values]) => [name, [...values]])) };
}
