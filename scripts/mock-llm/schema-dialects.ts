// Schema spellings that are not plain JSON Schema but that a real model still understands, folded
// into the keywords the generator reads. Applied to each schema node as it is visited.
import type { JSONSchemaObject } from "./json-schema-instance";

/** Both adaptations; returns the node itself when neither applies. */
export function adaptDialect(schema: JSONSchemaObject): JSONSchemaObject {
  return fromDescription(fromOpenApi(schema));
}

// Gemini's responseSchema is a protobuf Schema: enum-like uppercase types, and int64 fields that
// JSON-serialize as strings. `nullable` needs nothing: the generator fills nullable fields anyway.
const INT64_KEYWORDS = ["minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"] as const;

export function fromOpenApi(schema: JSONSchemaObject): JSONSchemaObject {
  const uppercase = typeof schema.type === "string" && schema.type !== schema.type.toLowerCase();
  const counts = INT64_KEYWORDS.filter((k) => typeof schema[k] === "string");
  if (!uppercase && counts.length === 0) return schema;
  const out: JSONSchemaObject = { ...schema };
  // TYPE_UNSPECIFIED leaves the type to inference, like a schema without `type`.
  if (uppercase) out.type = schema.type === "TYPE_UNSPECIFIED" ? undefined : (schema.type as string).toLowerCase();
  for (const k of counts) out[k] = Number(schema[k]);
  return out;
}

// @ai-sdk/anthropic's native structured output strips the constraints Anthropic rejects and writes
// them into `description` instead ("min items: 3; max items: 3."), for the model to read.
const DESCRIBED = /\b(minimum|maximum|exclusive minimum|exclusive maximum|multiple of|min length|max length|min items|max items|unique items|min properties|max properties): (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true)\b/gi;

export function fromDescription(schema: JSONSchemaObject): JSONSchemaObject {
  if (typeof schema.description !== "string" || !schema.description.includes(": ")) return schema;
  const out: JSONSchemaObject = { ...schema };
  let changed = false;
  for (const [, name, value] of schema.description.matchAll(DESCRIBED)) {
    const key = name!.toLowerCase().replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
    if (out[key] !== undefined) continue;
    out[key] = value === "true" ? true : Number(value);
    changed = true;
  }
  return changed ? out : schema;
}
