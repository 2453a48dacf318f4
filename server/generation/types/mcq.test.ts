import { describe, expect, it } from "vitest";
import { mcqExample } from "@/lib/designs/examples";
import { firstItemInput } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { mcqEngine } from "./mcq";
import { LlmError } from "@/server/llm/errors";

const pairs = { questions: [{ question: "Where does photosynthesis happen?", answer: "In the chloroplasts" }, { question: "What gas is released?", answer: "Oxygen" }] };

describe("mcq steps", () => {
  it("makes question, answer and three distinct distractors per row, from the document", async () => {
    const steps = mockSteps((call) => (call.step === "questions" ? pairs : { items: [{ distractors: ["In the roots", "In the stem", "In the flowers"] }, { distractors: ["Nitrogen", "Carbon dioxide", "Hydrogen"] }] }));
    const input = firstItemInput(mcqExample());
    const rows = await mcqEngine.run(input, steps);
    expect(rows.map((row) => row.data)).toEqual([
      { instruction: "Where does photosynthesis happen?", answer: "In the chloroplasts", distractors: ["In the roots", "In the stem", "In the flowers"], source: input.cell.document, language: "en" },
      { instruction: "What gas is released?", answer: "Oxygen", distractors: ["Nitrogen", "Carbon dioxide", "Hydrogen"], source: input.cell.document, language: "en" },
    ]);
    expect(steps.calls[0]!.prompt).toContain("Photosynthesis is the process");
    expect(steps.calls[1]!.prompt).toContain("Correct answer: Oxygen");
  });

  it("re-asks when a distractor repeats the answer, and keeps the corrected one", async () => {
    const steps = mockSteps((call, attempt) => {
      if (call.step === "questions") return pairs;
      const first = attempt === 1 ? ["in the chloroplasts.", "In the stem", "In the flowers"] : ["In the roots", "In the stem", "In the flowers"];
      return { items: [{ distractors: first }, { distractors: ["Nitrogen", "Carbon dioxide", "Hydrogen"] }] };
    });
    const rows = await mcqEngine.run(firstItemInput(mcqExample()), steps);
    expect(rows[0]!.data.distractors).toEqual(["In the roots", "In the stem", "In the flowers"]);
    expect(steps.calls[1]!.answers).toBe(2);
  });

  it("rejects the item when the distractors keep repeating the answer or each other: nothing is stored", async () => {
    const steps = mockSteps((call) => (call.step === "questions" ? pairs : { items: [{ distractors: ["In the chloroplasts", "In the stem", "In the stem"] }, { distractors: ["Nitrogen", "Carbon dioxide", "Hydrogen"] }] }));
    const error = await mcqEngine.run(firstItemInput(mcqExample()), steps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).kind).toBe("schema");
    expect(String((error as Error).message)).toMatch(/distractor 1 of question 1 repeats the correct answer/);
    expect(String((error as Error).message)).toMatch(/distractor 3 of question 1 repeats another distractor/);
  });
});
