import { describe, expect, it } from "vitest";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import { effectiveData, rowDisplay, shuffleOptions } from "./row-display";

const info = reviewDesignInfo({ outputFields: [{ name: "sentiment", type: "enum", values: ["positive", "negative"] }] });
const show = (type: Parameters<typeof rowDisplay>[0], data: Record<string, unknown>, labels: string[] = []) => rowDisplay(type, data, { rowId: "row-1", labels, info });

describe("rowDisplay", () => {
  it("shows a classification row's text and labels", () => {
    expect(show("classification", { text: "It crashed.", label: "bug", language: "en" }, ["bug"])).toEqual({ type: "classification", text: "It crashed.", labels: ["bug"], meta: [{ name: "language", value: "en" }] });
  });

  it("shows a conversation as its messages, in order", () => {
    const display = show("conversation", { messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }], persona: "a chef", topic: "food", subtopic: "", language: "en" });
    expect(display).toMatchObject({ type: "conversation", messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }] });
    // An empty subtopic is not shown.
    expect(display.type === "conversation" && display.meta.map((field) => field.name)).toEqual(["persona", "topic", "language"]);
  });

  it("marks the MCQ answer among its options, shuffled the same way for the same row", () => {
    const data = { instruction: "2 + 2?", answer: "4", distractors: ["3", "5", "22"], source: "maths", language: "en" };
    const display = show("mcq", data);
    if (display.type !== "mcq") throw new Error("not mcq");
    expect(display.question).toBe("2 + 2?");
    expect(display.options.map((option) => option.text).sort()).toEqual(["22", "3", "4", "5"]);
    expect(display.options.filter((option) => option.correct)).toEqual([{ text: "4", correct: true }]);
    expect(show("mcq", data)).toEqual(display);
  });

  it("puts a preference pair side by side with models, scores and assessments", () => {
    const display = show("preference", {
      instruction: "Explain DNS.",
      chosen: "DNS maps names to addresses.",
      rejected: "It is a thing.",
      models: { chosen: "mock-1", rejected: "mock-2" },
      scores: { chosen: 9, rejected: 3 },
      assessments: { chosen: "Clear", rejected: "Vague" },
      swapped: true,
      evolution: ["deepen"],
      topic: "networks",
      language: "en",
    });
    expect(display).toMatchObject({
      chosen: { text: "DNS maps names to addresses.", model: "mock-1", score: 9, assessment: "Clear" },
      rejected: { text: "It is a thing.", model: "mock-2", score: 3, assessment: "Vague" },
      swapped: true,
      evolution: ["deepen"],
    });
    // Without a judge: no scores.
    expect(show("preference", { instruction: "x", chosen: "a", rejected: "b", models: { chosen: "m", rejected: "m" }, scores: null, assessments: null, swapped: false, evolution: [] })).toMatchObject({ chosen: { score: null, assessment: null } });
  });

  it("keeps a reasoning row's trace apart from its answer", () => {
    expect(show("reasoning", { instruction: "Why?", reasoning: "Because…", answer: "42", reasoning_source: "provider", verified: null, verification: null, language: "en" })).toMatchObject({
      instruction: "Why?",
      reasoning: "Because…",
      answer: "42",
      reasoningSource: "provider",
      verified: null,
    });
  });

  it("splits a transform row into the source's inputs and the design's outputs", () => {
    expect(show("transform", { review: "Great", stars: 5, sentiment: "positive" })).toEqual({
      type: "transform",
      inputs: [{ name: "review", value: "Great" }, { name: "stars", value: "5" }],
      outputs: [{ name: "sentiment", value: "positive" }],
    });
  });
});

describe("effectiveData and shuffleOptions", () => {
  it("lays the edited fields over the original", () => {
    expect(effectiveData({ text: "old", language: "en" }, { text: "new" })).toEqual({ text: "new", language: "en" });
    expect(effectiveData({ text: "old" }, null)).toEqual({ text: "old" });
  });

  it("moves the answer around across rows", () => {
    const places = new Set(Array.from({ length: 40 }, (_, index) => shuffleOptions("A", ["B", "C", "D"], `row-${index}`).findIndex((option) => option.correct)));
    expect(places.size).toBeGreaterThan(2);
  });
});
