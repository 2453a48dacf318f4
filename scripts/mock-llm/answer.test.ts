import { describe, expect, it } from "vitest";
import { createAnswer, truncateJson, UnsatisfiableSchemaError, type Prompt } from "./answer";

const schema = { type: "object", properties: { texts: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 } }, required: ["texts"] };
const ask = (model: string, messages: Prompt["messages"], format: Prompt["format"] = { type: "json", schema }): Prompt => ({ model, messages, format });
const user = (text: string) => ({ role: "user" as const, text });

describe("createAnswer", () => {
  it("is the same for the same prompt whichever protocol built it, and differs by seed", () => {
    const prompt = ask("mock-1", [user("Write about kettles")]);
    expect(createAnswer(prompt, 1)).toEqual(createAnswer(structuredClone(prompt), 1));
    expect(createAnswer(prompt, 1).content).not.toBe(createAnswer(prompt, 2).content);
  });

  it("mock-broken-first: truncated JSON for one user turn, valid JSON once the client re-asks", () => {
    const first = createAnswer(ask("mock-broken-first", [{ role: "system", text: "Be brief." }, user("Write about kettles")]), 1);
    expect(first.json).toBe(true);
    expect(() => JSON.parse(first.content)).toThrow();
    const repair = ask("mock-broken-first", [user("Write about kettles"), { role: "assistant", text: first.content }, user("That was cut off; again.")]);
    expect((JSON.parse(createAnswer(repair, 1).content) as { texts: string[] }).texts).toHaveLength(2);
    // Plain text is never broken: the scenario is about structured output.
    const text = createAnswer(ask("mock-broken-first", [user("Write about kettles")], { type: "text" }), 1);
    expect(text.json).toBe(false);
  });

  it("follows a schema written in the prompt when the request has none", () => {
    const answer = createAnswer(ask("mock-1", [user(`Reply as JSON: ${JSON.stringify(schema)}`)], { type: "text" }), 3);
    expect(answer.json).toBe(true);
    expect((JSON.parse(answer.content) as { texts: string[] }).texts).toHaveLength(2);
  });

  it("rejects a request schema no value satisfies, but not one quoted in prose", () => {
    const impossible = { type: "integer", minimum: 2, maximum: 1, properties: {} };
    expect(() => createAnswer(ask("mock-1", [user("x")], { type: "json", schema: impossible, name: "n" }), 1)).toThrow(UnsatisfiableSchemaError);
    expect(createAnswer(ask("mock-1", [user(JSON.stringify(impossible))], { type: "text" }), 1).json).toBe(false);
  });
});

describe("truncateJson", () => {
  it("always yields text that does not parse", () => {
    for (const json of ['{"a":"bcdef"}', "[1,2,3]", "12345", '"text"', "true", "{}"]) {
      expect(() => JSON.parse(truncateJson(json)), json).toThrow();
    }
  });
});
