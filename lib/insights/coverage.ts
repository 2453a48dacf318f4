// The coverage matrix: how many rows (and accepted rows) each combination of an
// expansion variable's value × a category of the dataset type (label, topic,
// document type, persona) × language has, including the combinations the design
// asks for that have none. Thin cells can be topped up: a run of the design
// restricted to exactly that cell. Pure; the counts come from the server.
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { countCombinations, parseTemplate } from "@/lib/prompts";

/** A type's dimension: the row field it is read from, and the work item cell key that plans it. */
export type CategoryAxis = { field: string; title: string; cellKey: string; values: string[] };

export type CoverageAxes = { variables: Record<string, string[]>; categories: CategoryAxis[]; languages: string[] };

/** What a dataset type's rows can be counted by, as its design lists them. */
export function coverageAxes(design: DatasetDesign): CoverageAxes {
  const base = { variables: design.variables, languages: design.languages };
  const topic = (values: string[]): CategoryAxis => ({ field: "topic", title: "topic", cellKey: "topic", values });
  switch (design.type) {
    case "classification":
      return { ...base, categories: [{ field: "label", title: "label", cellKey: "label", values: design.labels.map((label) => label.name) }] };
    case "text":
      return { ...base, categories: [topic(design.topics), { field: "document_type", title: "document type", cellKey: "documentType", values: design.documentTypes }] };
    case "conversation":
      return { ...base, categories: [topic(design.topics.map((entry) => entry.name)), { field: "persona", title: "persona", cellKey: "persona", values: design.personas }] };
    case "preference":
    case "reasoning":
      return { ...base, categories: design.topics ? [topic(design.topics)] : [] };
    default:
      return { ...base, categories: [] };
  }
}

/** One cell: "" for a dimension not chosen (or a row without that variable). */
export type CoverageKey = { value: string; category: string; language: string };
export type CoverageCount = CoverageKey & { rows: number; accepted: number };
export type CoverageCell = CoverageCount & { thin: boolean; inDesign: boolean };

export type CoverageMatrix = {
  variable: string | null;
  category: string | null;
  values: string[];
  columns: { category: string; language: string }[];
  cells: CoverageCell[];
  thinCells: number;
};

/** `measure`: which count must reach the threshold. */
export type CoverageOptions = { variable: string | null; category: string | null; threshold: number; measure: "rows" | "accepted" };

const cellId = (key: CoverageKey) => JSON.stringify([key.value, key.category, key.language]);

/** Design values first (in the design's order), then values only the rows have. */
function ordered(design: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((value) => !design.includes(value)).sort();
  return [...design, ...extra];
}

export function coverageMatrix(axes: CoverageAxes, counts: readonly CoverageCount[], options: CoverageOptions): CoverageMatrix {
  const designValues = options.variable ? axes.variables[options.variable] ?? [] : [""];
  const axis = options.category ? axes.categories.find((candidate) => candidate.field === options.category) : undefined;
  const designCategories = axis ? axis.values : [""];
  const values = ordered(designValues, counts.map((count) => count.value));
  const categories = ordered(designCategories, counts.map((count) => count.category));
  const languages = ordered(axes.languages, counts.map((count) => count.language));
  const byId = new Map(counts.map((count) => [cellId(count), count]));
  const cells: CoverageCell[] = [];
  for (const value of values) {
    for (const category of categories) {
      for (const language of languages) {
        const key = { value, category, language };
        const count = byId.get(cellId(key));
        const rows = count?.rows ?? 0;
        const accepted = count?.accepted ?? 0;
        const inDesign = designValues.includes(value) && designCategories.includes(category) && axes.languages.includes(language);
        cells.push({ ...key, rows, accepted, inDesign, thin: inDesign && (options.measure === "rows" ? rows : accepted) < options.threshold });
      }
    }
  }
  return {
    variable: options.variable,
    category: axis ? axis.field : null,
    values,
    columns: categories.flatMap((category) => languages.map((language) => ({ category, language }))),
    cells,
    thinCells: cells.filter((cell) => cell.thin).length,
  };
}

/** A cell to top up, as the server receives it. */
export type TopUpCell = { variable: string | null; value: string; category: string | null; categoryValue: string; language: string };

/** Prompts planned at most for a top-up: enough to spread N rows over many distinct prompts. */
export const TOP_UP_MAX_PROMPTS = 10_000;

/**
 * The design restricted to a cell: that language, that value of the variable (and only
 * the templates that use it). The category is not restricted in the design (a label or
 * topic list also feeds other built-ins, such as `{{labels}}`): the plan's items are
 * filtered by their cell instead (`itemInCell`). Many prompts are drawn at random.
 */
export function restrictDesign(design: DatasetDesign, cell: TopUpCell, seed: number): DatasetDesign {
  const templates = cell.variable ? design.templates.filter((template) => parseTemplate(template).variables.some((ref) => ref.name === cell.variable)) : design.templates;
  const variables = cell.variable ? { ...design.variables, [cell.variable]: [cell.value] } : design.variables;
  const combinations = countCombinations({ templates, variables }).total;
  const expansion =
    combinations <= TOP_UP_MAX_PROMPTS ? { mode: "combinatorial" as const, maxPrompts: TOP_UP_MAX_PROMPTS } : { mode: "random" as const, count: TOP_UP_MAX_PROMPTS, seed, allowDuplicates: false };
  return { ...design, templates, variables, languages: [cell.language], expansion } as DatasetDesign;
}

/** Whether a planned work item's cell is the top-up cell's category value. */
export function itemInCell(axes: CoverageAxes, cell: TopUpCell, itemCell: Record<string, unknown>): boolean {
  if (!cell.category) return true;
  const axis = axes.categories.find((candidate) => candidate.field === cell.category);
  return axis !== undefined && itemCell[axis.cellKey] === cell.categoryValue;
}

/** Why a cell cannot be topped up, or null when it can. */
export function topUpProblem(axes: CoverageAxes, cell: TopUpCell): string | null {
  if (cell.variable && !(axes.variables[cell.variable] ?? []).includes(cell.value)) return `"${cell.value}" is not a value of the variable "${cell.variable}" in the design`;
  if (cell.category) {
    const axis = axes.categories.find((candidate) => candidate.field === cell.category);
    if (!axis) return `this dataset type has no "${cell.category}" to top up by`;
    if (!axis.values.includes(cell.categoryValue)) return `"${cell.categoryValue}" is not a ${axis.title} of the design`;
  }
  if (!axes.languages.includes(cell.language)) return `"${cell.language}" is not a language of the design`;
  return null;
}
