import { describe, expect, it } from "vitest";
import { reasoningExample } from "@/lib/designs/examples";
import { firstItemInput } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { reasoningEngine } from "./reasoning";

describe("reasoning steps", () => {
  it("keeps the provider's reasoning trace and the final answer, then verifies it", async () => {
    const steps = mockSteps((call) => {
      if (call.step === "problems") return { problems: ["What is 20% of 50?", "A train leaves at 9:40 and arrives at 11:05. How long is the trip?"] };
      if (call.step === "solve") return { json: { reasoning: "short", answer: "10" }, reasoning: "20% is one fifth; 50 / 5 = 10." };
      return { correct: true, explanation: "10 is right." };
    });
    const rows = await reasoningEngine.run(firstItemInput(reasoningExample()), steps);
    expect(rows[0]!.data).toEqual({ instruction: "What is 20% of 50?", reasoning: "20% is one fifth; 50 / 5 = 10.", answer: "10", reasoning_source: "provider", verified: true, verification: "10 is right.", topic: "percentages", language: "en" });
    expect(steps.calls.filter((call) => call.step === "verify")).toHaveLength(2);
  });

  it("falls back to the reasoning written in the answer when the provider returns no trace, and skips the judge when off", async () => {
    const steps = mockSteps((call) => (call.step === "problems" ? { problems: ["What is 2 + 2?"] } : { reasoning: "Two plus two is four.", answer: "4" }));
    const rows = await reasoningEngine.run(firstItemInput({ ...reasoningExample(), samplesPerPrompt: 1, judge: { enabled: false } }), steps);
    expect(rows[0]!.data).toMatchObject({ reasoning: "Two plus two is four.", reasoning_source: "response", verified: null });
    expect(steps.calls.map((call) => call.step)).toEqual(["problems", "solve"]);
  });
});
