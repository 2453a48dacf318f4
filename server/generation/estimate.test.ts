import { describe, expect, it } from "vitest";
import { classificationDesignSchema } from "@/lib/designs/design-schema";
import { toModelRef } from "@/server/providers/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { estimateRun } from "./estimate";
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
});
