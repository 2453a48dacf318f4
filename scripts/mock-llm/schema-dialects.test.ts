import { describe, expect, it } from "vitest";
import { generateInstance, type JSONSchemaObject } from "./json-schema-instance";
import { createRng } from "./rng";
import { fromDescription, fromOpenApi } from "./schema-dialects";

/** As a schema arrives off the wire: Gemini's int64 strings do not fit the JSON Schema types. */
const wire = (schema: object): JSONSchemaObject => schema as JSONSchemaObject;

describe("fromOpenApi (Gemini responseSchema)", () => {
  it("lowercases types and turns int64 strings into numbers", () => {
    expect(fromOpenApi(wire({ type: "ARRAY", minItems: "2", maxItems: "4", items: { type: "STRING" } }))).toEqual({
      type: "array",
      minItems: 2,
      maxItems: 4,
      items: { type: "STRING" },
    });
    expect(fromOpenApi({ type: "TYPE_UNSPECIFIED" }).type).toBeUndefined();
  });

  it("returns plain JSON Schema untouched", () => {
    const schema = { type: "string", minLength: 3 };
    expect(fromOpenApi(schema)).toBe(schema);
  });
});

describe("fromDescription (@ai-sdk/anthropic native structured output)", () => {
  it("reads the constraints the SDK moved into the description", () => {
    const schema = { type: "array", items: { type: "string" }, description: "Reviews.\nmin items: 5; max items: 5; unique items: true." };
    expect(fromDescription(schema)).toMatchObject({ minItems: 5, maxItems: 5, uniqueItems: true });
    expect(fromDescription({ type: "number", description: "minimum: 0.5; exclusive maximum: 2." })).toMatchObject({ minimum: 0.5, exclusiveMaximum: 2 });
  });

  it("never overrides a keyword that is present", () => {
    expect(fromDescription({ type: "array", minItems: 1, description: "min items: 5." }).minItems).toBe(1);
  });
});

describe("generateInstance with dialects", () => {
  it("builds instances for Gemini's OpenAPI subset, in propertyOrdering order", () => {
    const schema = wire({
      type: "OBJECT",
      properties: { b: { type: "INTEGER", minimum: 1, maximum: 1 }, a: { type: "ARRAY", items: { type: "STRING" }, minItems: "4", maxItems: "4" } },
      required: ["a", "b"],
      propertyOrdering: ["a", "b"],
    });
    const value = generateInstance(schema, createRng(1)) as { a: string[]; b: number };
    expect(Object.keys(value)).toEqual(["a", "b"]);
    expect(value.a).toHaveLength(4);
    expect(value.b).toBe(1);
  });

  it("builds arrays of the length stated only in a description", () => {
    const schema = { type: "object", properties: { texts: { type: "array", items: { type: "string" }, description: "min items: 7; max items: 7." } } };
    expect((generateInstance(schema, createRng(2)) as { texts: string[] }).texts).toHaveLength(7);
  });
});
