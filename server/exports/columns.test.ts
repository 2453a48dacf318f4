import { describe, expect, it } from "vitest";
import { planColumns, type ExportColumn } from "./columns";
import { exportedData, rowValues, typedValue } from "./row-values";

const none = { lineage: [], split: null } as const;
const names = (columns: ExportColumn[]) => columns.map((column) => column.name);

describe("column plans", () => {
  it("gives each dataset type its row fields, typed", () => {
    expect(names(planColumns({ type: "classification", design: {}, options: none }))).toEqual(["text", "label", "language"]);
    expect(names(planColumns({ type: "classification", design: { multiLabel: true }, options: none }))).toEqual(["text", "label", "labels", "language"]);
    expect(names(planColumns({ type: "text", design: {}, options: none }))).toEqual(["text", "document_type", "topic", "language"]);
    const conversation = planColumns({ type: "conversation", design: {}, options: none });
    expect(conversation[0]).toEqual({ name: "messages", type: { list: { struct: { role: "string", content: "string" } } }, source: "data", key: "messages" });
    const mcq = planColumns({ type: "mcq", design: {}, options: none });
    expect(mcq.find((column) => column.name === "distractors")?.type).toEqual({ list: "string" });
    const preference = planColumns({ type: "preference", design: { topics: ["x"] }, options: none });
    expect(names(preference)).toEqual(["instruction", "chosen", "rejected", "models", "scores", "assessments", "swapped", "evolution", "topic", "language"]);
    expect(preference.find((column) => column.name === "scores")?.type).toEqual({ struct: { chosen: "double", rejected: "double" } });
    expect(names(planColumns({ type: "reasoning", design: { source: { sourceId: "s" } }, options: none }))).toContain("source");
    expect(planColumns({ type: "reasoning", design: {}, options: none }).find((column) => column.name === "verified")?.type).toBe("bool");
  });

  it("types a transform's output fields from the design and keeps its source columns as text", () => {
    const design = { outputFields: [{ name: "sentiment", type: "enum", values: ["a", "b"] }, { name: "score", type: "number" }, { name: "ok", type: "boolean" }] };
    const columns = planColumns({ type: "transform", design, options: none, dataKeys: ["ok", "review", "score", "sentiment", "stars"] });
    expect(columns.map((column) => [column.name, column.type])).toEqual([["review", "string"], ["stars", "string"], ["sentiment", "string"], ["score", "double"], ["ok", "bool"]]);
  });

  it("adds lineage columns in one order, one per expansion variable, and renames a clash", () => {
    const design = { variables: { tone: ["a"], audience: ["b"] } };
    const columns = planColumns({ type: "text", design, options: { lineage: ["row_id", "run_id", "model", "language", "variables", "tokens", "cost"], split: null } });
    expect(names(columns).slice(4)).toEqual(["row_id", "run_id", "model", "variable_tone", "variable_audience", "input_tokens", "output_tokens", "reasoning_tokens", "cost_usd"]);
    const transform = planColumns({ type: "transform", design: { outputFields: [] }, options: { lineage: ["model", "language"], split: null }, dataKeys: ["model"] });
    expect(names(transform)).toEqual(["model", "lineage_model", "language"]);
  });

  it("adds what the rows' designs name after the plan's own design, so no row loses a value", () => {
    const variables = { lineage: ["variables"], split: null } as const;
    const renamed = planColumns({ type: "text", design: { variables: { style: ["a"], tone: ["b"] } }, rowDesigns: [{ variables: { tone: ["b"], audience: ["c"] } }, { variables: { mood: ["d"] } }], options: variables });
    expect(names(renamed).slice(4)).toEqual(["variable_style", "variable_tone", "variable_audience", "variable_mood"]);
    // Without the variables lineage, other designs add no variable column.
    expect(names(planColumns({ type: "text", design: {}, rowDesigns: [{ variables: { tone: ["b"] } }], options: none }))).toEqual(["text", "document_type", "topic", "language"]);
    expect(names(planColumns({ type: "classification", design: { multiLabel: false }, rowDesigns: [{ multiLabel: true }], options: none }))).toEqual(["text", "label", "labels", "language"]);
    const reasoning = planColumns({ type: "reasoning", design: { source: { sourceId: "s" } }, rowDesigns: [{ topics: ["x"] }], options: none });
    expect(names(reasoning).slice(-3)).toEqual(["source", "topic", "language"]);
    // An output field two designs type differently becomes text (no row's value is lost); one only an older design has keeps its type.
    const transform = planColumns({
      type: "transform",
      design: { outputFields: [{ name: "score", type: "number" }] },
      rowDesigns: [{ outputFields: [{ name: "score", type: "string" }, { name: "ok", type: "boolean" }] }],
      options: none,
      dataKeys: ["ok", "review", "score"],
    });
    expect(transform.map((column) => [column.name, column.type])).toEqual([["review", "string"], ["score", "string"], ["ok", "bool"]]);
    expect([typedValue("string", 0.5), typedValue("string", "high")]).toEqual(["0.5", "high"]);
    const agreeing = planColumns({ type: "transform", design: { outputFields: [{ name: "score", type: "number" }] }, rowDesigns: [{ outputFields: [{ name: "score", type: "number" }] }], options: none });
    expect(agreeing.map((column) => [column.name, column.type])).toEqual([["score", "double"]]);
  });

  it("adds a split column only when the split is a column", () => {
    expect(names(planColumns({ type: "text", design: {}, options: { lineage: [], split: { testShare: 0.1, seed: 1, as: "column" } } })).at(-1)).toBe("split");
    expect(names(planColumns({ type: "text", design: {}, options: { lineage: [], split: { testShare: 0.1, seed: 1, as: "files" } } }))).not.toContain("split");
  });
});

describe("row values", () => {
  it("applies a reviewer's edited fields over the original and the reviewer's labels over the generated ones", () => {
    const data = exportedData("classification", { data: { text: "old", label: "bug", language: "en" }, editedData: { text: "new" }, reviewLabels: ["billing"] });
    expect(data).toEqual({ text: "new", label: "billing", language: "en" });
    expect(exportedData("classification", { data: { text: "t", label: "a", labels: ["a"], language: "en" }, editedData: null, reviewLabels: ["b", "c"] })).toMatchObject({ label: "b", labels: ["b", "c"] });
    expect(exportedData("mcq", { data: { answer: "x" }, editedData: null, reviewLabels: ["tag"] })).toEqual({ answer: "x" });
  });

  it("coerces to the column type and never invents a value", () => {
    expect(typedValue("string", 3)).toBe("3");
    expect(typedValue("string", { a: 1 })).toBe('{"a":1}');
    expect(typedValue("double", "3")).toBeNull();
    expect(typedValue("bool", null)).toBeNull();
    expect(typedValue({ struct: { chosen: "double", rejected: "double" } }, null)).toBeNull();
    expect(typedValue({ list: { struct: { role: "string", content: "string" } } }, [{ role: "user" }])).toEqual([{ role: "user", content: null }]);
  });

  it("keeps a row field's JSON for JSONL and the typed value for the other formats", () => {
    const columns = planColumns({ type: "transform", design: { outputFields: [] }, options: { lineage: ["cost"], split: { testShare: 0.5, seed: 1, as: "column" } }, dataKeys: ["n"] });
    const record = { id: "r", runId: "u", data: {}, editedData: null, reviewLabels: null, language: "en", model: "m", variables: {}, inputTokens: 1, outputTokens: 2, reasoningTokens: 0, costUsd: 0.01, createdAt: new Date() };
    expect(rowValues(columns, record, { n: 5 }, "test")).toEqual({ typed: ["5", 0.01, "test"], raw: [5, 0.01, "test"] });
  });
});
