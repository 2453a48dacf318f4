import { describe, expect, it } from "vitest";
import { editableFieldNames, fieldPath, reviewDesignInfo, validateReviewLabels, validateRowEdit } from "./row-edits";

const noDesign = reviewDesignInfo(undefined);
const mcq = { instruction: "Capital of France?", answer: "Paris", distractors: ["Lyon", "Nice", "Lille"], source: "doc", language: "en" };

describe("validateRowEdit", () => {
  it("keeps only the fields that differ from the original", () => {
    expect(validateRowEdit("mcq", mcq, { answer: "Paris", instruction: "What is the capital of France?" }, noDesign)).toEqual({ editedData: { instruction: "What is the capital of France?" }, issues: [] });
    expect(validateRowEdit("mcq", mcq, { answer: "Paris" }, noDesign)).toEqual({ editedData: null, issues: [] });
  });

  it("refuses a distractor equal to the answer (case, spaces and final punctuation aside), naming the field", () => {
    expect(validateRowEdit("mcq", mcq, { distractors: ["Lyon", " paris. ", "Lille"] }, noDesign).issues).toEqual([{ path: "distractors[1]", message: "distractor 2 is the same as the answer; a distractor must be a wrong answer" }]);
    expect(validateRowEdit("mcq", mcq, { distractors: ["Lyon", "lyon", "Lille"] }, noDesign).issues).toEqual([{ path: "distractors[1]", message: "distractor 2 repeats another distractor; each must be different" }]);
    expect(validateRowEdit("mcq", mcq, { answer: "Nice" }, noDesign).issues.map((issue) => issue.path)).toEqual(["distractors[1]"]);
  });

  it("does not blame an edit for a problem the generated row already had", () => {
    const broken = { ...mcq, distractors: ["Paris", "Nice", "Lille"] };
    expect(validateRowEdit("mcq", broken, { instruction: "Which city is the capital of France?" }, noDesign).issues).toEqual([]);
  });

  it("names empty and unknown fields", () => {
    expect(validateRowEdit("classification", { text: "hi", label: "bug", language: "en" }, { text: "" }, noDesign).issues).toEqual([{ path: "text", message: "cannot be empty" }]);
    expect(validateRowEdit("classification", { text: "hi", label: "bug", language: "en" }, { label: "billing" }, noDesign).issues).toEqual([{ path: "label", message: "is not an editable field of a classification row (editable: text)" }]);
  });

  it("lets a conversation's contents change but not its roles", () => {
    const row = { messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }], persona: "p", topic: "t", subtopic: "", language: "en" };
    expect(validateRowEdit("conversation", row, { messages: [{ role: "user", content: "Hi there" }, { role: "assistant", content: "Hello" }] }, noDesign).issues).toEqual([]);
    expect(validateRowEdit("conversation", row, { messages: [{ role: "assistant", content: "Hi" }, { role: "assistant", content: "Hello" }] }, noDesign).issues).toEqual([{ path: "messages[0].role", message: 'must stay "user" (edit the content only)' }]);
    expect(validateRowEdit("conversation", row, { messages: [{ role: "user", content: "" }, { role: "assistant", content: "Hello" }] }, noDesign).issues).toEqual([{ path: "messages[0].content", message: "cannot be empty" }]);
  });

  it("checks a transform's output fields by type", () => {
    const info = reviewDesignInfo({ outputFields: [{ name: "score", type: "number" }, { name: "ok", type: "boolean" }, { name: "tone", type: "enum", values: ["calm", "angry"] }] });
    expect(editableFieldNames("transform", info)).toEqual(["score", "ok", "tone"]);
    const row = { input: "x", score: 1, ok: true, tone: "calm" };
    expect(validateRowEdit("transform", row, { score: 2, ok: false, tone: "angry" }, info)).toEqual({ editedData: { score: 2, ok: false, tone: "angry" }, issues: [] });
    expect(validateRowEdit("transform", row, { score: "2", tone: "sad" }, info).issues).toEqual([
      { path: "score", message: "must be a number" },
      { path: "tone", message: "must be one of calm, angry" },
    ]);
  });
});

describe("validateReviewLabels", () => {
  const single = reviewDesignInfo({ labels: [{ name: "bug" }, { name: "billing", description: "money" }] });
  it("accepts the design's labels, one at a time unless multi-label", () => {
    expect(validateReviewLabels("classification", [" bug", "bug"], single)).toEqual({ labels: ["bug"], issues: [] });
    expect(validateReviewLabels("classification", ["bug", "billing"], single).issues).toEqual([{ path: "labels", message: "this dataset is single-label: choose one label" }]);
    expect(validateReviewLabels("classification", ["bug", "billing"], { ...single, multiLabel: true }).issues).toEqual([]);
    expect(validateReviewLabels("classification", ["spam"], single).issues[0]!.message).toBe('"spam" is not a label of this dataset (its labels: bug, billing)');
  });
  it("takes free tags for other types", () => {
    expect(validateReviewLabels("text", ["too long", "off-topic"], noDesign)).toEqual({ labels: ["too long", "off-topic"], issues: [] });
  });
});

it("fieldPath writes indexes in brackets", () => {
  expect(fieldPath(["messages", 2, "content"])).toBe("messages[2].content");
});
