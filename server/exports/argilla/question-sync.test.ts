import { describe, expect, it } from "vitest";
import type { ArgillaQuestionCreate } from "./api-types";
import { describeSyncProblems, nextDatasetName, planSettingsSync, type ExistingQuestion } from "./question-sync";

const text = { name: "text", title: "Text", required: true, settings: { type: "text" as const, use_markdown: false } };
const label = (options: { value: string; text: string; description?: string }[], type: "label_selection" | "multi_label_selection" = "label_selection"): ArgillaQuestionCreate => ({
  name: "label",
  title: "Which label fits this text?",
  required: true,
  settings: type === "label_selection" ? { type, options } : { type, options, options_order: "natural" },
});
const existing = (question: ArgillaQuestionCreate, id = "q1"): ExistingQuestion => ({ id, description: null, ...question, settings: { ...question.settings } as ExistingQuestion["settings"] });
const ab = [
  { value: "a", text: "a" },
  { value: "b", text: "b" },
];

describe("planSettingsSync", () => {
  it("nothing to do when Argilla already asks the design's questions", () => {
    const plan = planSettingsSync({ draft: false, fields: [{ name: "text", required: true }], questions: [existing(label(ab))], desiredFields: [text], desiredQuestions: [label(ab)] });
    expect(plan).toEqual({ createFields: [], remove: [], create: [], update: [], problems: [] });
  });

  it("a published question gets new texts, descriptions, order and title by PATCH", () => {
    const desired = { ...label([{ value: "b", text: "Bee", description: "second" }, ab[0]!]), title: "Pick one", description: "the best fit" };
    const plan = planSettingsSync({ draft: false, fields: [{ name: "text" }], questions: [existing(label(ab))], desiredFields: [text], desiredQuestions: [desired] });
    expect(plan.problems).toEqual([]);
    expect(plan.update).toEqual([{ id: "q1", name: "label", update: { title: "Pick one", description: "the best fit", settings: { type: "label_selection", options: desired.settings.type === "label_selection" ? desired.settings.options : [] } } }]);
  });

  it("a published dataset cannot take new or removed option values, another type, new fields or questions", () => {
    const plan = planSettingsSync({
      draft: false,
      fields: [{ name: "text", required: true }, { name: "old", required: true }],
      questions: [existing(label(ab)), existing({ name: "quality", title: "Q", required: true, settings: { type: "rating", options: [{ value: 1 }, { value: 2 }] } }, "q2")],
      desiredFields: [text, { ...text, name: "extra" }],
      desiredQuestions: [label([ab[0]!, { value: "c", text: "c" }]), { name: "quality", title: "Q", required: true, settings: { type: "rating", options: [{ value: 1 }, { value: 2 }, { value: 3 }] } }, { name: "note", title: "N", required: false, settings: { type: "text", use_markdown: false } }],
    });
    expect(plan.update).toEqual([]);
    expect(plan.problems).toEqual([
      'the field "extra" is new in this design',
      'the required field(s) "old" are no longer in this design',
      'the question "label" has the options "a", "b" there and this design has "a", "c" (added "c", removed "b")',
      'the question "quality" has the options "1", "2" there and this design has "1", "2", "3" (added "3")',
      'the question "note" is new in this design',
    ]);
    const typed = planSettingsSync({ draft: false, fields: [], questions: [existing(label(ab))], desiredFields: [], desiredQuestions: [label(ab, "multi_label_selection")] });
    expect(typed.problems).toEqual(['the question "label" is a label_selection question there and this design needs a multi_label_selection one']);
  });

  it("a draft gets missing fields and questions, and outdated questions removed and made anew", () => {
    const plan = planSettingsSync({ draft: true, fields: [], questions: [existing(label([{ value: "x", text: "x" }, ab[0]!]))], desiredFields: [text], desiredQuestions: [label(ab), { ...text, required: false }] });
    expect(plan).toMatchObject({ createFields: [text], remove: [{ id: "q1", name: "label" }], update: [], problems: [] });
    expect(plan.create.map((q) => q.name)).toEqual(["label", "text"]);
  });

  it("names the next dataset and the way out", () => {
    expect(nextDatasetName("tickets-1a2b3c4d")).toBe("tickets-1a2b3c4d-v2");
    expect(nextDatasetName("tickets-1a2b3c4d-v2")).toBe("tickets-1a2b3c4d-v3");
    expect(describeSyncProblems("t", ["x"])).toMatch(/^The Argilla dataset "t" cannot follow this design any more: x\. .*enter another name under "Argilla dataset" \(e\.g\. "t-v2"\)/);
  });
});
