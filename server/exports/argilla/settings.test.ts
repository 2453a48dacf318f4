import { describe, expect, it } from "vitest";
import { ARGILLA_NAME_PATTERN } from "./api-types";
import { argillaDatasetName, argillaName, buildArgillaSettings, NONE_OPTION, type ArgillaSettings } from "./settings";

const labels = [
  { name: "billing", description: "about money" },
  { name: "bug", description: "" },
];

const settingsOf = (type: Parameters<typeof buildArgillaSettings>[0]["type"], design: object = {}, inputColumns?: string[]) => buildArgillaSettings({ type, name: "Support tickets", design, inputColumns });
const fieldNames = (s: ArgillaSettings) => s.fields.map((f) => [f.name, f.settings.type, f.required]);
const questions = (s: ArgillaSettings) => s.questions.map((q) => [q.name, q.settings.type, q.required]);

/** What Argilla would refuse at publish or create time. */
function expectPublishable(s: ArgillaSettings) {
  expect(s.fields.some((f) => f.required)).toBe(true);
  expect(s.questions.some((q) => q.required)).toBe(true);
  for (const name of [...s.questions.map((q) => q.name), ...s.metadata.map((m) => m.name), ...s.fields.map((f) => f.name)]) expect(name).toMatch(ARGILLA_NAME_PATTERN);
  const all = s.questions.map((q) => q.name);
  expect(new Set(all).size).toBe(all.length);
  for (const q of s.questions) if ("options" in q.settings) expect(q.settings.options.length).toBeGreaterThanOrEqual(2);
}

describe("buildArgillaSettings", () => {
  it("classification: a text field and a label_selection question with the design's labels", () => {
    const s = settingsOf("classification", { labels, multiLabel: false });
    expect(fieldNames(s)).toEqual([["text", "text", true]]);
    expect(questions(s)).toEqual([
      ["label", "label_selection", true],
      ["text_correction", "text", false],
    ]);
    expect(s.questions[0]!.settings).toMatchObject({ options: [{ value: "billing", text: "billing", description: "about money" }, { value: "bug", text: "bug" }] });
    expect(s.corrections).toEqual([{ question: "text_correction", key: "text", parse: "text" }]);
    expectPublishable(s);
  });

  it("classification: multi_label_selection when multi-label, and a none option when one label leaves too few", () => {
    expect(settingsOf("classification", { labels, multiLabel: true }).questions[0]!.settings.type).toBe("multi_label_selection");
    const single = settingsOf("classification", { labels: [labels[0]] });
    expect(single.questions[0]!.settings).toMatchObject({ options: [{ value: "billing" }, { value: NONE_OPTION }] });
    expectPublishable(single);
  });

  it("text: text field, required rating 1–5 and a text correction", () => {
    const s = settingsOf("text");
    expect(fieldNames(s)).toEqual([["text", "text", true]]);
    expect(questions(s)).toEqual([
      ["quality", "rating", true],
      ["text_correction", "text", false],
    ]);
    expect(s.questions[0]!.settings).toEqual({ type: "rating", options: [1, 2, 3, 4, 5].map((value) => ({ value })) });
    expectPublishable(s);
  });

  it("conversation: one chat field and a rating", () => {
    const s = settingsOf("conversation");
    expect(fieldNames(s)).toEqual([["messages", "chat", true]]);
    expect(questions(s)).toEqual([["quality", "rating", true]]);
    expectPublishable(s);
  });

  it("mcq: question, answer and distractors fields; corrections of question and answer", () => {
    const s = settingsOf("mcq");
    expect(fieldNames(s).map(([name]) => name)).toEqual(["instruction", "answer", "distractors"]);
    expect(questions(s).map(([name]) => name)).toEqual(["quality", "instruction_correction", "answer_correction"]);
    expectPublishable(s);
  });

  it("preference: the instruction and two response fields, ranked by a ranking question", () => {
    const s = settingsOf("preference");
    expect(fieldNames(s).map(([name]) => name)).toEqual(["instruction", "chosen", "rejected"]);
    expect(questions(s)).toEqual([["ranking", "ranking", true]]);
    expect(s.questions[0]!.settings).toMatchObject({ options: [{ value: "chosen" }, { value: "rejected" }] });
    expectPublishable(s);
  });

  it("reasoning: instruction, reasoning and answer fields; correctness and an answer correction", () => {
    const s = settingsOf("reasoning");
    expect(fieldNames(s).map(([name]) => name)).toEqual(["instruction", "reasoning", "answer"]);
    expect(questions(s)).toEqual([
      ["correctness", "label_selection", true],
      ["answer_correction", "text", false],
    ]);
    expectPublishable(s);
  });

  it("transform: input columns then output columns, a correction per output parsed as its type", () => {
    const design = { outputFields: [{ name: "Summary", type: "string" }, { name: "score", type: "number" }, { name: "urgent", type: "boolean" }] };
    const s = settingsOf("transform", design, ["Ticket Body", "id", "Summary", "score", "urgent"]);
    expect(s.fields.map((f) => [f.name, f.key, f.required])).toEqual([
      ["ticket_body", "Ticket Body", false],
      ["id", "id", false],
      ["summary", "Summary", true],
      ["score", "score", false],
      ["urgent", "urgent", false],
    ]);
    expect(s.corrections).toEqual([
      { question: "summary_correction", key: "Summary", parse: "text" },
      { question: "score_correction", key: "score", parse: "number" },
      { question: "urgent_correction", key: "urgent", parse: "boolean" },
    ]);
    expectPublishable(s);
  });

  it("metadata: model, language and one terms property per design variable, with valid unique names", () => {
    const s = settingsOf("text", { variables: { Tone: ["polite"], tone: ["rude"], "size (words)": ["10"] } });
    expect(s.metadata.map((m) => [m.name, m.settings.type, m.source])).toEqual([
      ["model", "terms", { kind: "model" }],
      ["language", "terms", { kind: "language" }],
      ["var_tone", "terms", { kind: "variable", variable: "Tone" }],
      ["var_tone_2", "terms", { kind: "variable", variable: "tone" }],
      ["var_size_words", "terms", { kind: "variable", variable: "size (words)" }],
    ]);
  });
});

describe("names", () => {
  it("argillaName lowercases, replaces what Argilla refuses and never repeats", () => {
    const taken = new Set<string>();
    expect(argillaName("Hello World!", taken)).toBe("hello_world");
    expect(argillaName("hello world", taken)).toBe("hello_world_2");
    expect(argillaName("???", taken)).toBe("field");
  });

  it("argillaDatasetName is a slug plus the dataset id's start", () => {
    expect(argillaDatasetName("Support Tickets (FR)", "0f3c2a9e-1111-2222-3333-444455556666")).toBe("support-tickets-fr-0f3c2a9e");
  });
});
