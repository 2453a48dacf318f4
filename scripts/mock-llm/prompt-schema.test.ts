import { describe, expect, it } from "vitest";
import { findPromptSchema } from "./prompt-schema";

describe("findPromptSchema", () => {
  it("finds the schema the AI SDK injects and reports where it is", () => {
    const schema = { type: "object", properties: { texts: { type: "array", items: { type: "string" } } }, required: ["texts"] };
    const text = `Write reviews.\n\nJSON schema:\n${JSON.stringify(schema)}\nYou MUST answer with a JSON object that matches the JSON schema above.`;
    const found = findPromptSchema(text)!;
    expect(found.schema).toEqual(schema);
    expect(text.slice(found.start, found.end)).toBe(JSON.stringify(schema));
  });

  it("skips braces in prose, non-schema JSON and braces inside strings", () => {
    const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "string" };
    const text = `Use {{variables}} like {"a": 1}, then {"note": "a } brace"} and finally ${JSON.stringify(schema)}`;
    expect(findPromptSchema(text)?.schema).toEqual(schema);
  });

  it("reads a {name, schema} wrapper and Gemini-style uppercase array schemas", () => {
    const inner = { type: "ARRAY", items: { type: "STRING" } };
    expect(findPromptSchema(JSON.stringify({ name: "rows", schema: inner }))?.schema).toEqual(inner);
  });

  it("finds nothing in plain text, unbalanced JSON or a bare object", () => {
    expect(findPromptSchema("Write about kettles.")).toBeUndefined();
    expect(findPromptSchema('{"type": "object", "properties": {')).toBeUndefined();
    expect(findPromptSchema('{"type": "object"}')).toBeUndefined();
  });
});
