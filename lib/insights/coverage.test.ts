import { describe, expect, it } from "vitest";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { classificationExample, textExample } from "@/lib/designs/examples";
import { coverageAxes, coverageMatrix, itemInCell, restrictDesign, TOP_UP_MAX_PROMPTS, topUpProblem, type TopUpCell } from "./coverage";

const classification = datasetDesignSchema.parse({
  ...classificationExample(),
  languages: ["en", "fr"],
  templates: ["Write {{num_samples}} {{language}} {{label}} messages, {{tone}}.", "Write {{num_samples}} {{language}} {{label}} messages by {{channel}}."],
  variables: { tone: ["angry", "polite"], channel: ["email", "chat"] },
}) as DatasetDesign;

describe("coverage axes", () => {
  it("names each type's categories and the cell keys that plan them", () => {
    expect(coverageAxes(classification).categories).toEqual([{ field: "label", title: "label", cellKey: "label", values: ["billing", "bug"] }]);
    const text = coverageAxes(datasetDesignSchema.parse(textExample()) as DatasetDesign);
    expect(text.categories.map((axis) => [axis.field, axis.cellKey, axis.values])).toEqual([
      ["topic", "topic", ["wireless headphones", "a coffee machine"]],
      ["document_type", "documentType", ["product review", "support email"]],
    ]);
  });
});

describe("coverageMatrix", () => {
  const axes = coverageAxes(classification);
  const counts = [
    { value: "angry", category: "billing", language: "en", rows: 7, accepted: 2 },
    { value: "angry", category: "bug", language: "fr", rows: 1, accepted: 1 },
    { value: "sleepy", category: "bug", language: "en", rows: 3, accepted: 0 },
  ];

  it("lists every design combination (zeros included), then values only rows have, outside the design", () => {
    const matrix = coverageMatrix(axes, counts, { variable: "tone", category: "label", threshold: 5, measure: "rows" });
    expect(matrix.values).toEqual(["angry", "polite", "sleepy"]);
    expect(matrix.columns).toEqual([
      { category: "billing", language: "en" }, { category: "billing", language: "fr" }, { category: "bug", language: "en" }, { category: "bug", language: "fr" },
    ]);
    expect(matrix.cells).toHaveLength(12);
    const cell = (value: string, category: string, language: string) => matrix.cells.find((c) => c.value === value && c.category === category && c.language === language);
    expect(cell("angry", "billing", "en")).toMatchObject({ rows: 7, accepted: 2, thin: false, inDesign: true });
    expect(cell("angry", "bug", "fr")).toMatchObject({ rows: 1, thin: true });
    expect(cell("polite", "bug", "en")).toMatchObject({ rows: 0, accepted: 0, thin: true, inDesign: true });
    expect(cell("sleepy", "bug", "en")).toMatchObject({ rows: 3, thin: false, inDesign: false });
    // 8 design cells, all but one below 5 rows.
    expect(matrix.thinCells).toBe(7);
  });

  it("measures accepted rows when asked, and collapses a dimension not chosen", () => {
    const accepted = coverageMatrix(axes, counts, { variable: "tone", category: "label", threshold: 2, measure: "accepted" });
    expect(accepted.cells.find((c) => c.value === "angry" && c.category === "billing" && c.language === "en")?.thin).toBe(false);
    expect(accepted.cells.find((c) => c.value === "angry" && c.category === "bug" && c.language === "fr")?.thin).toBe(true);
    const collapsed = coverageMatrix(axes, [{ value: "", category: "", language: "en", rows: 4, accepted: 0 }], { variable: null, category: null, threshold: 5, measure: "rows" });
    expect(collapsed.values).toEqual([""]);
    expect(collapsed.columns).toEqual([{ category: "", language: "en" }, { category: "", language: "fr" }]);
    expect(collapsed.cells.map((c) => [c.language, c.rows, c.thin])).toEqual([["en", 4, true], ["fr", 0, true]]);
  });
});

describe("top-up restriction", () => {
  const cell: TopUpCell = { variable: "tone", value: "polite", category: "label", categoryValue: "bug", language: "fr" };

  it("keeps the templates using the variable, that one value, that language; the label list stays whole", () => {
    const restricted = restrictDesign(classification, cell, 7);
    expect(restricted.templates).toEqual([classification.templates[0]]);
    expect(restricted.variables).toEqual({ tone: ["polite"], channel: ["email", "chat"] });
    expect(restricted.languages).toEqual(["fr"]);
    expect(restricted.expansion).toEqual({ mode: "combinatorial", maxPrompts: TOP_UP_MAX_PROMPTS });
    expect(restricted.type === "classification" && restricted.labels.map((label) => label.name)).toEqual(["billing", "bug"]);
    expect(datasetDesignSchema.safeParse(restricted).success).toBe(true);
  });

  it("draws prompts at random when the cell has too many combinations", () => {
    const huge = { ...classification, templates: ["{{num_samples}} {{language}} {{label}} {{tone}} {{a}} {{b}}"], variables: { tone: ["x", "y"], a: Array.from({ length: 200 }, (_, i) => `a${i}`), b: Array.from({ length: 200 }, (_, i) => `b${i}`) } } as DatasetDesign;
    expect(restrictDesign(huge, { ...cell, value: "x" }, 7).expansion).toEqual({ mode: "random", count: TOP_UP_MAX_PROMPTS, seed: 7, allowDuplicates: false });
  });

  it("filters planned items by their cell, and explains cells outside the design", () => {
    const axes = coverageAxes(classification);
    expect(itemInCell(axes, cell, { label: "bug" })).toBe(true);
    expect(itemInCell(axes, cell, { label: "billing" })).toBe(false);
    expect(itemInCell(axes, { ...cell, category: null }, { label: "billing" })).toBe(true);
    expect(topUpProblem(axes, cell)).toBeNull();
    expect(topUpProblem(axes, { ...cell, value: "calm" })).toMatch(/"calm" is not a value of the variable "tone"/);
    expect(topUpProblem(axes, { ...cell, categoryValue: "praise" })).toMatch(/"praise" is not a label/);
    expect(topUpProblem(axes, { ...cell, category: "persona" })).toMatch(/no "persona"/);
    expect(topUpProblem(axes, { ...cell, language: "de" })).toMatch(/"de" is not a language/);
  });
});
