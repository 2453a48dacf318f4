import { describe, expect, it } from "vitest";
import { classificationDesignSchema } from "@/lib/designs/design-schema";
import { toModelRef } from "@/server/providers/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { planRun, workItemKey } from "./plan";

const design = (overrides = {}) => classificationDesignSchema.parse(supportIntentsDesign("http://127.0.0.1:8787/v1", overrides));
const plan = (overrides = {}) => {
  const parsed = design(overrides);
  return planRun(parsed, { models: parsed.models.map((model) => toModelRef(model)) });
};

describe("planRun", () => {
  it("plans the issue's example as 4 work items and 20 rows", () => {
    const result = plan();
    expect(result.items).toHaveLength(4);
    expect(result.plannedRows).toBe(20);
    expect(result.factors).toEqual({ prompts: 2, labels: 2, languages: 1, models: 1, rowsPerItem: 5 });
    expect(result.items.map((item) => [item.payload.cell.label, item.payload.variables.tone])).toEqual([
      ["billing", "angry"], ["bug", "angry"], ["billing", "polite"], ["bug", "polite"],
    ]);
  });

  it("multiplies by languages and models and renders the language name", () => {
    const base = design().models[0]!;
    const result = plan({ languages: ["en", "fr"], models: [base, { ...base, model: "mock-2" }] });
    expect(result.items).toHaveLength(2 * 2 * 2 * 2);
    expect(result.plannedRows).toBe(80);
    const french = result.items.find((item) => item.payload.language === "fr")!;
    expect(french.payload.prompt).toContain("short French customer messages");
    expect(new Set(result.items.map((item) => item.payload.model.model))).toEqual(new Set(["mock-1", "mock-2"]));
  });

  it("gives every item a distinct, deterministic key", () => {
    const first = plan().items.map((item) => item.key);
    const second = plan().items.map((item) => item.key);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const key of first) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keys change with anything that shapes the prompt or the call", () => {
    const ref = toModelRef(design().models[0]!);
    const base = { type: "classification", prompt: "p", language: "en", cell: { label: "a" }, settings: { multiLabel: false }, samples: 5, model: ref, replicate: 0 };
    const key = workItemKey(base);
    expect(workItemKey({ ...base, prompt: "q" })).not.toBe(key);
    expect(workItemKey({ ...base, language: "fr" })).not.toBe(key);
    expect(workItemKey({ ...base, samples: 6 })).not.toBe(key);
    expect(workItemKey({ ...base, cell: { label: "b" } })).not.toBe(key);
    expect(workItemKey({ ...base, settings: { multiLabel: true } })).not.toBe(key);
    expect(workItemKey({ ...base, roles: { judge: ref } })).not.toBe(key);
    expect(workItemKey({ ...base, replicate: 1 })).not.toBe(key);
    expect(workItemKey({ ...base, model: { ...ref, parameters: { temperature: 0.2 } } })).not.toBe(key);
    // The connection id (where the limits live) does not shape the prompt.
    const elsewhere: typeof ref = { ...ref, connectionId: "other" };
    expect(workItemKey({ ...base, model: elsewhere })).toBe(key);
  });

  it("keeps identical prompts as separate replicates with their own keys", () => {
    const template = "Write {{num_samples}} messages about {{label}}.";
    const result = plan({ templates: [template, template], variables: {} });
    expect(result.items).toHaveLength(4);
    expect(new Set(result.items.map((item) => item.key)).size).toBe(4);
  });

  it("respects the combinatorial cap and reports it", () => {
    const result = plan({ variables: { tone: ["a", "b", "c", "d"] }, expansion: { mode: "combinatorial", maxPrompts: 3 } });
    expect(result.factors.prompts).toBe(3);
    expect(result.capped).toBe(true);
    expect(result.uncappedPrompts).toBe(4);
    expect(result.items).toHaveLength(6);
  });
});
