import { describe, expect, it } from "vitest";
import { preferenceExample } from "@/lib/designs/examples";
import { firstItemInput } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { evolutionPlan } from "./evol-instruct";
import { preferenceEngine } from "./preference";

function answers(scores: { good: number; weak: number }) {
  return mockSteps((call) => {
    if (call.step === "instructions") return { instructions: ["How do I knead dough?", "Why does bread not rise?"] };
    if (call.step.startsWith("evolve:")) return { instructions: ["How do I knead a 70% hydration dough by hand?", "Why does my rye bread not rise at 18 °C?"] };
    if (call.step === "chosen") return { response: `GOOD answer to: ${call.prompt.split("\n").at(-1)}` };
    if (call.step === "rejected") return { response: "weak answer" };
    // The judge sees the two responses as A and B in a seeded order.
    const aIsGood = call.prompt.indexOf("GOOD answer") < call.prompt.indexOf("weak answer");
    const good = { score: scores.good, assessment: "thorough" };
    const weak = { score: scores.weak, assessment: "vague" };
    return aIsGood ? { a: good, b: weak } : { a: weak, b: good };
  });
}

describe("preference steps", () => {
  it("evolves the instructions, then writes chosen and rejected responses and judges them", async () => {
    const steps = answers({ good: 9, weak: 3 });
    const input = firstItemInput(preferenceExample());
    const rows = await preferenceEngine.run(input, steps);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.data).toMatchObject({
      instruction: "How do I knead a 70% hydration dough by hand?",
      chosen: "GOOD answer to: How do I knead a 70% hydration dough by hand?",
      rejected: "weak answer",
      scores: { chosen: 9, rejected: 3 },
      assessments: { chosen: "thorough", rejected: "vague" },
      swapped: false,
      models: { chosen: "mock-1", rejected: "mock-1" },
      evolution: evolutionPlan(input.seed, 1, ["deepen", "concretize"]),
      topic: "baking bread at home",
    });
    expect(steps.calls.map((call) => call.step).slice(0, 2)).toEqual(["instructions", expect.stringMatching(/^evolve:(deepen|concretize)$/)]);
    // Without a rejected model, the same model is asked for a weaker answer.
    expect(steps.calls.find((call) => call.step === "rejected")!.prompt).toMatch(/noticeably weaker answer/);
  });

  it("swaps the pair when the judge prefers the rejected response", async () => {
    const rows = await preferenceEngine.run(firstItemInput(preferenceExample()), answers({ good: 2, weak: 8 }));
    expect(rows[0]!.data).toMatchObject({ chosen: "weak answer", rejected: expect.stringMatching(/^GOOD answer/), scores: { chosen: 8, rejected: 2 }, swapped: true });
  });

  it("asks a separate rejected model the plain instruction", async () => {
    const design = preferenceExample();
    const steps = answers({ good: 9, weak: 3 });
    const rows = await preferenceEngine.run(firstItemInput({ ...design, rejectedModel: { ...design.models[0]!, model: "small-model" } }), steps);
    const rejected = steps.calls.find((call) => call.step === "rejected")!;
    expect(rejected.model).toBe("small-model");
    expect(rejected.prompt).not.toMatch(/weaker/);
    expect(rows[0]!.data.models).toEqual({ chosen: "mock-1", rejected: "small-model" });
  });

  it("draws the same evolution strategies for the same seed", () => {
    expect(evolutionPlan(7, 4, ["deepen", "broaden", "reason"])).toEqual(evolutionPlan(7, 4, ["deepen", "broaden", "reason"]));
    expect(evolutionPlan(7, 3, ["constrain"])).toEqual(["constrain", "constrain", "constrain"]);
  });
});
