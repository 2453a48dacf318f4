// Finds a JSON schema written into a prompt ("answer with JSON matching this schema: {…}"): the
// fallback a client uses when a server rejects response_format json_schema, and what the AI SDK
// injects itself when a provider lacks structured outputs.
import type { JSONSchemaObject } from "./json-schema-instance";

export interface PromptSchema {
  schema: JSONSchemaObject;
  /** Where the schema's text starts and ends in the searched text. */
  start: number;
  end: number;
}

// Prompts are short; the cap keeps a pathological one (thousands of braces) cheap to scan.
const MAX_CANDIDATES = 200;

/** The first JSON object in `text` that looks like a JSON schema, or undefined. */
export function findPromptSchema(text: string): PromptSchema | undefined {
  let candidates = 0;
  for (let start = text.indexOf("{"); start >= 0 && candidates < MAX_CANDIDATES; start = text.indexOf("{", start + 1)) {
    candidates++;
    const end = matchingBrace(text, start);
    if (end === undefined) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    // A wrapper like {"name": …, "schema": {…}} counts through its inner schema.
    if (looksLikeSchema(value)) return { schema: value, start, end: end + 1 };
    const inner = isRecord(value) ? value.schema : undefined;
    if (looksLikeSchema(inner)) return { schema: inner, start, end: end + 1 };
  }
  return undefined;
}

function looksLikeSchema(value: unknown): value is JSONSchemaObject {
  if (!isRecord(value)) return false;
  if (typeof value.$schema === "string") return true;
  if (isRecord(value.properties)) return true;
  const type = typeof value.type === "string" ? value.type.toLowerCase() : undefined;
  return type === "array" && isRecord(value.items);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Index of the `}` closing the `{` at `start`, skipping braces inside JSON strings. */
function matchingBrace(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return undefined;
}
