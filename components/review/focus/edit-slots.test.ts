import { describe, expect, it } from "vitest";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import { editSlots, slotDiffs, slotsToFields } from "./edit-slots";

const none = reviewDesignInfo(undefined);

describe("edit slots", () => {
  it("gives a conversation one box per message and rebuilds the messages with their roles", () => {
    const data = { messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }], persona: "p", topic: "t", subtopic: "", language: "en" };
    const slots = editSlots("conversation", data, none);
    expect(slots.map((slot) => [slot.key, slot.label, slot.value])).toEqual([
      ["messages.0.content", "Message 1 (user)", "Hi"],
      ["messages.1.content", "Message 2 (assistant)", "Hello"],
    ]);
    expect(slotsToFields("conversation", data, slots, { "messages.1.content": "Hello there" })).toEqual({ messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello there" }] });
    // The original is not mutated.
    expect(data.messages[1]!.content).toBe("Hello");
  });

  it("gives an MCQ its question, answer and each distractor", () => {
    const data = { instruction: "Q?", answer: "A", distractors: ["B", "C", "D"], source: "s", language: "en" };
    const slots = editSlots("mcq", data, none);
    expect(slots.map((slot) => slot.key)).toEqual(["instruction", "answer", "distractors.0", "distractors.1", "distractors.2"]);
    expect(slotsToFields("mcq", data, slots, { "distractors.2": "E" })).toEqual({ instruction: "Q?", answer: "A", distractors: ["B", "C", "E"] });
  });

  it("types a transform's outputs", () => {
    const info = reviewDesignInfo({ outputFields: [{ name: "score", type: "number" }, { name: "ok", type: "boolean" }, { name: "tone", type: "enum", values: ["calm", "angry"] }] });
    const data = { input: "x", score: 1, ok: true, tone: "calm" };
    const slots = editSlots("transform", data, info);
    expect(slots.map((slot) => [slot.key, slot.kind, slot.options])).toEqual([
      ["score", "number", undefined],
      ["ok", "boolean", ["true", "false"]],
      ["tone", "enum", ["calm", "angry"]],
    ]);
    expect(slotsToFields("transform", data, slots, { score: "2.5", ok: "false", tone: "angry" })).toEqual({ score: 2.5, ok: false, tone: "angry" });
  });

  it("diffs only the slots that changed", () => {
    const original = { instruction: "What is the capital?", answer: "Paris", distractors: ["Lyon", "Nice", "Lille"], source: "s", language: "en" };
    const edited = { ...original, instruction: "What is the French capital?", distractors: ["Lyon", "Nice", "Marseille"] };
    expect(slotDiffs("mcq", original, edited, none)).toEqual([
      { key: "instruction", label: "instruction", parts: [{ kind: "equal", text: "What is the " }, { kind: "insert", text: "French " }, { kind: "equal", text: "capital?" }] },
      { key: "distractors.2", label: "Distractor 3", parts: [{ kind: "delete", text: "Lille" }, { kind: "insert", text: "Marseille" }] },
    ]);
  });
});
