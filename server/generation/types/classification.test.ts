import { describe, expect, it } from "vitest";
import { classificationExample } from "@/lib/designs/examples";
import { firstItemInput } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { classificationEngine } from "./classification";

describe("classification steps", () => {
  it("makes one row per text with the item's label", async () => {
    const steps = mockSteps(() => ({ texts: ["a", "b", "c", "d", "e"] }));
    const rows = await classificationEngine.run(firstItemInput(classificationExample()), steps);
    expect(rows.map((row) => row.data)).toEqual(["a", "b", "c", "d", "e"].map((text) => ({ text, label: "billing", language: "en" })));
    expect(rows[0]!.labels).toEqual(["billing"]);
  });

  it("with multiLabel, keeps the item's label first and adds the others that fit, once each", async () => {
    const steps = mockSteps(() => ({ items: [{ text: "x", labels: ["bug", "billing", "bug"] }, { text: "y", labels: ["billing"] }] }));
    const rows = await classificationEngine.run(firstItemInput({ ...classificationExample(), multiLabel: true, samplesPerPrompt: 2 }), steps);
    expect(rows.map((row) => row.labels)).toEqual([["billing", "bug"], ["billing"]]);
    expect(steps.calls[0]!.prompt).toContain('always "billing"');
  });

  it("re-asks a multi-label answer that drops the item's label or invents one", async () => {
    const steps = mockSteps((_call, attempt) => (attempt === 1 ? { items: [{ text: "x", labels: ["refunds"] }] } : { items: [{ text: "x", labels: ["billing"] }] }));
    const rows = await classificationEngine.run(firstItemInput({ ...classificationExample(), multiLabel: true, samplesPerPrompt: 1 }), steps);
    expect(rows[0]!.labels).toEqual(["billing"]);
    expect(steps.calls[0]!.answers).toBe(2);
  });
});
