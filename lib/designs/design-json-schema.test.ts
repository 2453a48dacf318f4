import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { designJsonSchema } from "./design-json-schema";
import * as examples from "./examples";
import { datasetDesignSchema, datasetTypeNames } from "./design-schema";

function compile() {
  // Union types (`"type": ["string", "number"]`) are standard JSON Schema; Ajv only asks to opt in.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(designJsonSchema());
}

/** Every starter design examples.ts exports: `*Example` functions, and records or lists of starters. */
function starters(): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  const visit = (name: string, value: unknown) => {
    if (typeof value === "function") {
      // Top-level helpers taking arguments (`starterDesign(type)`) are skipped; starters take none.
      if (/Example$/.test(name) || name.includes(".")) visit(name, (value as () => unknown)());
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(`${name}[${index}]`, item));
    } else if (value !== null && typeof value === "object") {
      if (typeof (value as { type?: unknown }).type === "string" && "templates" in value) found.push([name, value as Record<string, unknown>]);
      else for (const [key, item] of Object.entries(value)) visit(`${name}.${key}`, item);
    }
  };
  for (const [name, value] of Object.entries(examples)) visit(name, value);
  return found;
}

const base = examples.classificationExample();
const invalid: [string, unknown][] = [
  ["no name", { ...base, name: undefined }],
  ["an unknown type", { ...base, type: "summarization" }],
  ["an unknown field", { ...base, temperature: 0.7 }],
  ["no templates", { ...base, templates: [] }],
  ["samplesPerPrompt 0", { ...base, samplesPerPrompt: 0 }],
  ["a model both inline and from a connection", { ...base, models: [{ connection: "my-openai", provider: "openai", model: "gpt-4o-mini" }] }],
  ["a model with neither provider nor connection", { ...base, models: [{ model: "gpt-4o-mini" }] }],
  ["an openai-compatible model without baseURL", { ...base, models: [{ provider: "openai-compatible", model: "mock-1" }] }],
  ["an expansion mode that does not exist", { ...base, expansion: { mode: "all" } }],
  ["a random expansion without count", { ...base, expansion: { mode: "random" } }],
  ["a variable whose values are not strings", { ...base, variables: { tone: [1, 2] } }],
];

describe("designJsonSchema", () => {
  it("is draft 2020-12 with a title, and compiles in Ajv (strict schema keywords)", () => {
    const schema = designJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("datafast dataset design");
    expect(() => compile()).not.toThrow();
  });

  it("accepts every starter design", () => {
    const validate = compile();
    const all = starters();
    expect(new Set(all.map(([, design]) => design.type))).toEqual(new Set(datasetTypeNames));
    for (const [name, design] of all) {
      expect(validate(JSON.parse(JSON.stringify(design))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("accepts a starter that names the schema with $schema", () => {
    expect(compile()({ $schema: "./datafast-design.schema.json", ...base })).toBe(true);
  });

  it.each(invalid)("rejects a design with %s, as the zod schema does", (_, design) => {
    expect(compile()(design)).toBe(false);
    expect(datasetDesignSchema.safeParse(design).success).toBe(false);
  });

  it("accepts a model from a stored connection and an inline one with its endpoint", () => {
    const validate = compile();
    expect(validate({ ...base, models: [{ connection: "my-openai", model: "gpt-4o-mini", parameters: { temperature: 0.2 } }] })).toBe(true);
    expect(validate({ ...base, models: [{ provider: "openai", model: "gpt-4o-mini" }] })).toBe(true);
  });
});
