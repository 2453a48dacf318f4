import { describe, expect, it } from "vitest";
import { classificationDesignSchema } from "@/lib/designs/design-schema";
import { conversationDesignSchema } from "@/lib/designs/types/conversation";
import { conversationExample } from "@/lib/designs/examples";
import { toModelRef } from "@/server/providers/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { estimateRun, roundKeepingTotal } from "./estimate";
import { planRun } from "./plan";

const plan = (overrides = {}) => {
  const design = classificationDesignSchema.parse(supportIntentsDesign("http://127.0.0.1:8787/v1", overrides));
  return planRun(design, { models: design.models.map((model) => toModelRef(model)) });
};
const price = { inputPerMillion: 1, outputPerMillion: 2 };

describe("estimateRun", () => {
  it("uses the measured preview usage per call and per row when given", async () => {
    const estimate = await estimateRun(plan(), async () => price, { calls: 3, rows: 3, inputTokens: 300, outputTokens: 90 });
    expect(estimate.basis).toBe("preview");
    expect(estimate.calls).toBe(4);
    expect(estimate.inputTokens).toBe(4 * 100);
    expect(estimate.outputTokens).toBe(20 * 30);
    expect(estimate.costUsd).toBeCloseTo((400 * 1 + 600 * 2) / 1e6, 12);
  });

  it("guesses from the prompt length without a preview", async () => {
    const estimate = await estimateRun(plan(), async () => price);
    expect(estimate.basis).toBe("template");
    expect(estimate.inputTokens).toBeGreaterThan(4 * 60);
    expect(estimate.outputTokens).toBe(20 * 60);
  });

  it("reports models without a price instead of counting them as free", async () => {
    const estimate = await estimateRun(plan(), async () => undefined);
    expect(estimate.costUsd).toBeNull();
    expect(estimate.unpricedModels).toEqual(["mock-1"]);
  });

  it("passes a design's own pricing to the lookup", async () => {
    const seen: unknown[] = [];
    const base = supportIntentsDesign("http://127.0.0.1:8787/v1").models![0]!;
    await estimateRun(plan({ models: [{ ...base, pricing: { inputPerMillion: 5, outputPerMillion: 7 } }] }), async (_model, override) => {
      seen.push(override);
      return override;
    });
    expect(seen).toEqual([{ inputPerMillion: 5, outputPerMillion: 7 }]);
  });

  it("counts whole calls per model for a type whose calls are an expectation, adding up to the total", async () => {
    // Conversations of 3 samples, up to 3 turns at p = 0.5: 2 + 3 × (2 × 1.75 − 1) = 9.5 calls expected per item,
    // 3 items (subtopics) per model: 28.5 calls expected on each model, 57 in all.
    const example = conversationExample("http://127.0.0.1:8787/v1");
    const design = conversationDesignSchema.parse({ ...example, samplesPerPrompt: 3, personas: [example.personas[0]!], models: [example.models[0]!, { ...example.models[0]!, model: "mock-2" }] });
    const conversations = planRun(design, { models: design.models.map((model) => toModelRef(model)) });
    expect(conversations.items).toHaveLength(6);
    const estimate = await estimateRun(conversations, async () => price);
    expect(estimate.calls).toBe(57);
    expect(estimate.byModel.map((entry) => [entry.model, entry.calls])).toEqual([["mock-1", 29], ["mock-2", 28]]);
  });
});

describe("roundKeepingTotal", () => {
  it("rounds down, then up the largest remainders, so the parts add up to the rounded total", () => {
    expect(roundKeepingTotal([28.5, 28.5])).toEqual([29, 28]);
    expect(roundKeepingTotal([1.2, 2.7, 3.1])).toEqual([1, 3, 3]);
    expect(roundKeepingTotal([0.4, 0.4, 0.4])).toEqual([1, 0, 0]);
    expect(roundKeepingTotal([3, 4])).toEqual([3, 4]);
    expect(roundKeepingTotal([])).toEqual([]);
  });
});
