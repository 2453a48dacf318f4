import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateInstance, type JSONSchema } from "./json-schema-instance";
import { createRng } from "./rng";

const generate = (schema: JSONSchema, seed = 1) => generateInstance(schema, createRng(seed), { contentWords: ["coffee"] });

describe("generateInstance", () => {
  it("fills an exact-count string array with distinct, text-like items", () => {
    const schema: JSONSchema = {
      type: "object",
      properties: { texts: { type: "array", items: { type: "string" }, minItems: 5, maxItems: 5 } },
      required: ["texts"],
      additionalProperties: false,
    };
    for (let seed = 0; seed < 20; seed++) {
      const value = generate(schema, seed) as { texts: string[] };
      expect(Object.keys(value)).toEqual(["texts"]);
      expect(value.texts).toHaveLength(5);
      expect(new Set(value.texts).size).toBe(5);
      for (const text of value.texts) expect(text).toMatch(/^[A-Z][a-z]*( [a-z]+)+\.( [A-Z][a-z]*( [a-z]+)+\.)*$/);
    }
  });

  it("chooses array counts from the bounds", () => {
    const items = { type: "string" } as const;
    expect(generate({ type: "array", items, minItems: 7 })).toHaveLength(7);
    expect(generate({ type: "array", items })).toHaveLength(3);
    expect(generate({ type: "array", items, maxItems: 2 })).toHaveLength(2);
    for (let seed = 0; seed < 20; seed++) {
      const length = (generate({ type: "array", items, minItems: 2, maxItems: 4 }, seed) as unknown[]).length;
      expect(length).toBeGreaterThanOrEqual(2);
      expect(length).toBeLessThanOrEqual(4);
    }
  });

  it("keeps strings distinct even when maxLength leaves little room", () => {
    const value = generate({ type: "array", items: { type: "string", maxLength: 2 }, minItems: 12 }) as string[];
    expect(new Set(value).size).toBe(12);
    for (const item of value) expect(item.length).toBeLessThanOrEqual(2);
  });

  it("honours string length bounds, enum and const", () => {
    for (let seed = 0; seed < 20; seed++) {
      const long = generate({ type: "string", minLength: 300 }, seed) as string;
      expect(long.length).toBeGreaterThanOrEqual(300);
      const short = generate({ type: "string", minLength: 5, maxLength: 12 }, seed) as string;
      expect(short.length).toBeGreaterThanOrEqual(5);
      expect(short.length).toBeLessThanOrEqual(12);
      expect(["red", "green"]).toContain(generate({ enum: ["red", "green"] }, seed));
      expect(generate({ type: "string", const: "fixed" }, seed)).toBe("fixed");
    }
  });

  it("honours integer and number bounds, exclusive ones included", () => {
    for (let seed = 0; seed < 50; seed++) {
      const int = generate({ type: "integer", minimum: 3, maximum: 5 }, seed) as number;
      expect(Number.isInteger(int) && int >= 3 && int <= 5).toBe(true);
      const open = generate({ type: "integer", exclusiveMinimum: 1, exclusiveMaximum: 3 }, seed);
      expect(open).toBe(2);
      const draft4 = generate({ type: "integer", minimum: 1, maximum: 3, exclusiveMinimum: true, exclusiveMaximum: true }, seed);
      expect(draft4).toBe(2);
      const num = generate({ type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 }, seed) as number;
      expect(num > 0 && num < 1).toBe(true);
      const step = generate({ type: "integer", minimum: 1, maximum: 100, multipleOf: 25 }, seed) as number;
      expect(step % 25).toBe(0);
    }
  });

  it("builds nested objects, resolves $ref in definitions and $defs, and picks non-null types", () => {
    const schema: JSONSchema = {
      type: "object",
      properties: {
        author: { $ref: "#/definitions/person" },
        reviewers: { type: "array", items: { $ref: "#/$defs/person" }, minItems: 2, maxItems: 2 },
        note: { type: ["string", "null"] },
        rating: { anyOf: [{ type: "null" }, { type: "integer", minimum: 1, maximum: 5 }] },
        flag: { type: "boolean" },
      },
      required: ["author", "reviewers", "note", "rating", "flag"],
      additionalProperties: false,
      definitions: {
        person: {
          type: "object",
          properties: { name: { type: "string" }, role: { enum: ["admin", "member"] } },
          required: ["name", "role"],
          additionalProperties: false,
        },
      },
      $defs: { person: { $ref: "#/definitions/person" } },
    };
    const value = generate(schema) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(["author", "flag", "note", "rating", "reviewers"]);
    expect(value.author).toMatchObject({ name: expect.any(String), role: expect.stringMatching(/^(admin|member)$/) });
    expect(value.reviewers).toHaveLength(2);
    expect(typeof value.note).toBe("string");
    expect(typeof value.rating).toBe("number");
    expect(typeof value.flag).toBe("boolean");
  });

  it("terminates on recursive schemas", () => {
    const tree: JSONSchema = {
      $ref: "#/$defs/node",
      $defs: {
        node: {
          type: "object",
          properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } },
          required: ["label", "children"],
        },
      },
    };
    expect(generate(tree)).toMatchObject({ label: expect.any(String), children: expect.any(Array) });
  });

  it("produces values that zod schemas converted to JSON schema accept", () => {
    const schemas = [
      z.object({ texts: z.array(z.string()).length(5) }),
      z.object({
        question: z.string().min(10).max(200),
        answer: z.string(),
        distractors: z.array(z.string()).length(3),
        difficulty: z.enum(["easy", "medium", "hard"]),
        score: z.number().min(0).max(1),
        votes: z.number().int().nonnegative().lt(10),
        tags: z.array(z.string().max(20)).min(1).max(4),
        source: z.string().nullable(),
        meta: z.object({ id: z.uuid(), email: z.email(), at: z.iso.datetime(), day: z.iso.date(), link: z.url() }),
        pair: z.tuple([z.string(), z.boolean()]),
        kind: z.literal("mcq"),
        choice: z.union([z.object({ a: z.string() }), z.number()]),
      }),
      z.object({ messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })).min(2) }),
    ];
    for (const schema of schemas) {
      for (const target of ["draft-7", "draft-2020-12"] as const) {
        const json = z.toJSONSchema(schema, { target }) as JSONSchema;
        for (let seed = 0; seed < 25; seed++) {
          const value = generate(json, seed);
          const result = schema.safeParse(value);
          expect(result.error, JSON.stringify(value)).toBeUndefined();
        }
      }
    }
  });

  it("is deterministic per seed and varies across seeds", () => {
    const schema: JSONSchema = { type: "array", items: { type: "string" }, minItems: 4 };
    expect(generate(schema, 7)).toEqual(generate(schema, 7));
    expect(generate(schema, 7)).not.toEqual(generate(schema, 8));
  });

  it("mixes prompt content words into strings", () => {
    const texts = generate({ type: "array", items: { type: "string" }, minItems: 20 }) as string[];
    expect(texts.some((text) => text.includes("coffee"))).toBe(true);
  });

  it("rejects refs it cannot resolve and schemas nothing satisfies", () => {
    expect(() => generate({ $ref: "#/$defs/missing" })).toThrow(/Unresolvable \$ref/);
    expect(() => generate({ $ref: "https://example.com/schema.json" })).toThrow(/only local refs/);
    expect(() => generate({ type: "integer", minimum: 1.2, maximum: 1.8 })).toThrow(/No integer/);
    expect(() => generate(false)).toThrow(/admits no value/);
  });
});
