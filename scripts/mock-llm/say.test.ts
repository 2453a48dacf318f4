import { describe, expect, it } from "vitest";
import { createAnswer, type Prompt } from "./answer";

const schema = { type: "object", properties: { texts: { type: "array", items: { type: "string" }, minItems: 3, maxItems: 3 }, label: { type: "string", enum: ["a", "b"] } }, required: ["texts", "label"] };
const payload = `<img src=x onerror=alert(1)> <script>alert("x")</script>`;
const ask = (text: string, format: Prompt["format"] = { type: "json", schema }): Prompt => ({ model: "mock-1", messages: [{ role: "user", text }], format });

describe("[mock-say] in a prompt", () => {
  it("starts every free-text string of a structured answer with the dictated text, verbatim", () => {
    const answer = JSON.parse(createAnswer(ask(`Write 3 support messages. [mock-say]${payload}[/mock-say]`), 1).content) as { texts: string[]; label: string };
    expect(answer.texts).toHaveLength(3);
    for (const text of answer.texts) expect(text.startsWith(`${payload} `)).toBe(true);
    // Enums are values, not text: untouched.
    expect(["a", "b"]).toContain(answer.label);
  });

  it("starts a plain-text answer with it too, and is absent without the directive", () => {
    expect(createAnswer(ask(`Say hi. [mock-say]${payload}[/mock-say]`, { type: "text" }), 1).content.startsWith(payload)).toBe(true);
    expect(createAnswer(ask("Write 3 support messages."), 1).content).not.toContain("<img");
  });
});
