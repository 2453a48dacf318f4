import { describe, expect, it } from "vitest";
import { agentName, buildRecord, type PushRow } from "./records";
import { buildArgillaSettings } from "./settings";

const ids = { label: "q-label", quality: "q-quality", ranking: "q-ranking", correctness: "q-correct", text_correction: "q-tc" };
const row = (data: Record<string, unknown>, extra: Partial<PushRow> = {}): PushRow => ({ id: "row-1", data, model: "openai:gpt-4o-mini", language: "en", variables: { tone: "polite" }, ...extra });
const design = { labels: [{ name: "billing" }, { name: "bug" }], variables: { tone: ["polite"] } };

describe("buildRecord", () => {
  it("classification: external_id is the row id, the label a suggestion on the label question's id, the model its agent", () => {
    const settings = buildArgillaSettings({ type: "classification", name: "d", design });
    const record = buildRecord(row({ text: "My card was charged twice.", label: "billing", language: "en" }), settings, ids);
    expect(record).toEqual({
      external_id: "row-1",
      fields: { text: "My card was charged twice." },
      metadata: { model: "openai:gpt-4o-mini", language: "en", var_tone: "polite" },
      suggestions: [{ question_id: "q-label", value: "billing", agent: "openai:gpt-4o-mini" }],
    });
  });

  it("multi-label: the row's labels known to the question; a label the question lacks is not suggested", () => {
    const settings = buildArgillaSettings({ type: "classification", name: "d", design: { ...design, multiLabel: true } });
    expect(buildRecord(row({ text: "t", label: "billing", labels: ["billing", "bug", "gone"] }), settings, ids).suggestions).toEqual([{ question_id: "q-label", value: ["billing", "bug"], agent: "openai:gpt-4o-mini" }]);
    const single = buildArgillaSettings({ type: "classification", name: "d", design });
    expect(buildRecord(row({ text: "t", label: "refunds" }), single, ids).suggestions).toEqual([]);
  });

  it("conversation: messages as a chat field", () => {
    const settings = buildArgillaSettings({ type: "conversation", name: "d", design: {} });
    const messages = [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
    ];
    expect(buildRecord(row({ messages, persona: "p", topic: "t", subtopic: "", language: "en" }), settings, ids).fields).toEqual({ messages });
  });

  it("preference: the generation's ranking as a suggestion; reasoning: the verification when there is one", () => {
    const preference = buildArgillaSettings({ type: "preference", name: "d", design: {} });
    expect(buildRecord(row({ instruction: "i", chosen: "a", rejected: "b" }), preference, ids).suggestions).toEqual([
      { question_id: "q-ranking", value: [{ value: "chosen", rank: 1 }, { value: "rejected", rank: 2 }], agent: "openai:gpt-4o-mini" },
    ]);
    const reasoning = buildArgillaSettings({ type: "reasoning", name: "d", design: {} });
    expect(buildRecord(row({ instruction: "i", reasoning: "r", answer: "a", verified: false }), reasoning, ids).suggestions).toEqual([{ question_id: "q-correct", value: "incorrect", agent: "openai:gpt-4o-mini" }]);
    expect(buildRecord(row({ instruction: "i", reasoning: "r", answer: "a", verified: null }), reasoning, ids).suggestions).toEqual([]);
  });

  it("mcq distractors as numbered lines; a missing question id means no suggestion", () => {
    const settings = buildArgillaSettings({ type: "mcq", name: "d", design: {} });
    expect(buildRecord(row({ instruction: "Q?", answer: "A", distractors: ["B", "C", "D"] }), settings, ids).fields.distractors).toBe("1. B\n2. C\n3. D");
    const classification = buildArgillaSettings({ type: "classification", name: "d", design });
    expect(buildRecord(row({ text: "t", label: "bug" }), classification, {}).suggestions).toEqual([]);
  });

  it("transform: non-text values as JSON text, empty values as null", () => {
    const settings = buildArgillaSettings({ type: "transform", name: "d", design: { outputFields: [{ name: "score", type: "number" }] }, inputColumns: ["body", "score"] });
    expect(buildRecord(row({ body: "", score: 4 }), settings, ids).fields).toEqual({ body: null, score: "4" });
  });
});

describe("agentName", () => {
  it("keeps Argilla's allowed characters and replaces the rest", () => {
    expect(agentName("mock-1")).toBe("mock-1");
    expect(agentName("meta/llama@3.1")).toBe("meta/llama-3.1");
    expect(agentName("@@@")).toBeUndefined();
  });
});
