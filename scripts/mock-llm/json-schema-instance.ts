// Builds a value that satisfies a JSON schema, standing in for a provider's structured output.
// Covers what zod's toJSONSchema and OpenAI strict mode emit, plus the dialects in
// schema-dialects.ts; `pattern` is not honoured except through the common `format`s, because
// real regex synthesis is out of scope for a mock.
import type { Rng } from "./rng";
import { adaptDialect } from "./schema-dialects";
import { createFormatted, createParagraph, createPhrase, createSentence } from "./text";

export interface JSONSchemaObject {
  type?: string | string[];
  properties?: Record<string, JSONSchema>;
  required?: string[];
  additionalProperties?: JSONSchema;
  items?: JSONSchema | JSONSchema[];
  prefixItems?: JSONSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JSONSchema[];
  oneOf?: JSONSchema[];
  allOf?: JSONSchema[];
  $ref?: string;
  definitions?: Record<string, JSONSchema>;
  $defs?: Record<string, JSONSchema>;
  /** Gemini: the order in which the model writes properties. */
  propertyOrdering?: string[];
  [keyword: string]: unknown;
}
export type JSONSchema = JSONSchemaObject | boolean;

export interface InstanceHints {
  /** Words from the prompt, mixed into generated strings so rows relate to what was asked. */
  contentWords?: readonly string[];
  /** Text every free-text string starts with (a prompt's `[mock-say]…[/mock-say]`), verbatim. */
  say?: string;
}

interface Context {
  root: JSONSchema;
  rng: Rng;
  words: readonly string[];
  say: string;
  depth: number;
}

// Past this depth recursive schemas get only what is required, so generation terminates.
const SOFT_DEPTH = 6;
const HARD_DEPTH = 48;
const DEFAULT_ARRAY_COUNT = 3;
const UNIQUE_ATTEMPTS = 12;

export function generateInstance(schema: JSONSchema, rng: Rng, hints: InstanceHints = {}): unknown {
  return generate(schema, { root: schema, rng, words: hints.contentWords ?? [], say: hints.say ?? "", depth: 0 }, undefined);
}

function generate(schema: JSONSchema, ctx: Context, key: string | undefined): unknown {
  if (ctx.depth > HARD_DEPTH) throw new Error("JSON schema recursion too deep to build an instance");
  if (schema === false) throw new Error("JSON schema `false` admits no value");
  const s = schema === true ? {} : normalize(schema, ctx.root);
  if ("const" in s) return s.const;
  if (s.enum !== undefined) return pickEnum(s.enum, ctx.rng);
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined && branches.length > 0) {
    // "First viable" = first branch that is not only null: real models fill nullable fields.
    const viable = branches.find((b) => !isNullOnly(normalizeAny(b, ctx.root))) ?? branches[0]!;
    return generate(viable, ctx, key);
  }
  switch (pickType(s)) {
    case "object":
      return generateObject(s, ctx);
    case "array":
      return generateArray(s, ctx, key);
    case "integer":
      return generateNumber(s, ctx.rng, true);
    case "number":
      return generateNumber(s, ctx.rng, false);
    case "boolean":
      return ctx.rng.next() < 0.5;
    case "null":
      return null;
    default:
      return generateString(s, ctx, key);
  }
}

/** Follows `$ref` chains and folds `allOf` into one schema object. */
function normalize(schema: JSONSchemaObject, root: JSONSchema): JSONSchemaObject {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const { $ref, ...siblings } = current;
    const target = resolvePointer($ref, root);
    current = { ...(target === true ? {} : target), ...siblings };
  }
  current = adaptDialect(current);
  if (current.allOf === undefined) return current;
  const { allOf, ...rest } = current;
  return allOf.reduce<JSONSchemaObject>((merged, part) => {
    const p = normalizeAny(part, root);
    return {
      ...merged,
      ...p,
      properties: { ...merged.properties, ...p.properties },
      required: [...new Set([...(merged.required ?? []), ...(p.required ?? [])])],
    };
  }, rest);
}

function normalizeAny(schema: JSONSchema, root: JSONSchema): JSONSchemaObject {
  if (schema === false) throw new Error("JSON schema `false` admits no value");
  return schema === true ? {} : normalize(schema, root);
}

function resolvePointer(ref: string, root: JSONSchema): JSONSchema {
  if (!ref.startsWith("#")) throw new Error(`Unsupported $ref "${ref}": only local refs (#/$defs/…) resolve`);
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const segment = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    if (node === undefined) throw new Error(`Unresolvable $ref "${ref}"`);
  }
  if (typeof node !== "boolean" && (node === null || typeof node !== "object")) {
    throw new Error(`$ref "${ref}" does not point at a schema`);
  }
  return node as JSONSchema;
}

function isNullOnly(s: JSONSchemaObject): boolean {
  if (s.const === null) return true;
  if (s.enum !== undefined) return s.enum.every((v) => v === null);
  return s.type === "null" || (Array.isArray(s.type) && s.type.every((t) => t === "null"));
}

function pickEnum(values: unknown[], rng: Rng): unknown {
  const nonNull = values.filter((v) => v !== null);
  if (values.length === 0) throw new Error("JSON schema `enum: []` admits no value");
  return rng.pick(nonNull.length > 0 ? nonNull : values);
}

function pickType(s: JSONSchemaObject): string {
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type) && s.type.length > 0) return s.type.find((t) => t !== "null") ?? "null";
  if (s.properties !== undefined || s.required !== undefined || s.additionalProperties !== undefined) return "object";
  if (s.items !== undefined || s.prefixItems !== undefined || s.minItems !== undefined) return "array";
  if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return "number";
  return "string";
}

function generateObject(s: JSONSchemaObject, ctx: Context): Record<string, unknown> {
  const inner = { ...ctx, depth: ctx.depth + 1 };
  const required = new Set(s.required ?? []);
  const out: Record<string, unknown> = {};
  const ordering = s.propertyOrdering ?? [];
  const names = Object.keys(s.properties ?? {}).sort((a, b) => rank(ordering, a) - rank(ordering, b));
  for (const [name, sub] of names.map((n) => [n, s.properties![n]!] as const)) {
    if (ctx.depth >= SOFT_DEPTH && !required.has(name)) continue;
    out[name] = generate(sub, inner, name);
  }
  // A name can be required without a `properties` entry; it then obeys additionalProperties.
  const extra = s.additionalProperties === undefined || s.additionalProperties === false ? true : s.additionalProperties;
  for (const name of required) if (!(name in out)) out[name] = generate(extra, inner, name);
  return out;
}

function generateArray(s: JSONSchemaObject, ctx: Context, key: string | undefined): unknown[] {
  const inner = { ...ctx, depth: ctx.depth + 1 };
  const tuple = s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined);
  if (tuple !== undefined) {
    const out = tuple.map((item) => generate(item, inner, key));
    const rest = Array.isArray(s.items) || s.items === undefined ? false : s.items;
    while (rest !== false && out.length < (s.minItems ?? 0)) out.push(generate(rest, inner, key));
    return out;
  }
  const itemSchema: JSONSchema = s.items === undefined || Array.isArray(s.items) ? true : s.items;
  const count = ctx.depth >= SOFT_DEPTH ? (s.minItems ?? 0) : chooseCount(s, ctx.rng);
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let value = generate(itemSchema, inner, key);
    // Strings must differ (a dataset of identical texts is useless); other kinds only when asked.
    const mustDiffer = typeof value === "string" || s.uniqueItems === true;
    for (let attempt = 0; mustDiffer && seen.has(JSON.stringify(value)) && attempt < UNIQUE_ATTEMPTS; attempt++) {
      value = generate(itemSchema, inner, key);
    }
    if (typeof value === "string" && seen.has(JSON.stringify(value))) value = makeDistinct(value, i, itemSchema, ctx);
    seen.add(JSON.stringify(value));
    out.push(value);
  }
  return out;
}

function chooseCount(s: JSONSchemaObject, rng: Rng): number {
  const min = s.minItems ?? 0;
  if (s.maxItems !== undefined) {
    if (s.minItems === undefined) return Math.min(DEFAULT_ARRAY_COUNT, s.maxItems);
    return rng.int(min, Math.max(min, Math.min(s.maxItems, min + 4)));
  }
  return min > 0 ? min : DEFAULT_ARRAY_COUNT;
}

function rank(ordering: readonly string[], name: string): number {
  const at = ordering.indexOf(name);
  return at < 0 ? ordering.length : at;
}

/** Last resort after random retries collide (tiny maxLength): number the item, within bounds. */
function makeDistinct(value: string, index: number, itemSchema: JSONSchema, ctx: Context): string {
  const s = itemSchema === true || itemSchema === false ? {} : normalize(itemSchema, ctx.root);
  if (s.enum !== undefined || "const" in s || s.format !== undefined) return value;
  const suffix = ` ${index + 1}`;
  const max = s.maxLength ?? Infinity;
  if (max <= suffix.length) return String(index + 1).slice(-Math.max(1, max));
  return value.slice(0, max - suffix.length) + suffix;
}

const SHORT_KEY = /(name|title|label|topic|category|tag|persona|keyword|subject|genre|domain)s?$/i;
const LONG_KEY = /(text|content|description|answer|response|reasoning|passage|body|explanation|summary|document|context|chosen|rejected)s?$/i;

function generateString(s: JSONSchemaObject, ctx: Context, key: string | undefined): string {
  const formatted = s.format === undefined ? undefined : createFormatted(s.format, ctx.rng);
  if (formatted !== undefined) return formatted;
  const { rng, words } = ctx;
  let text: string;
  if (key !== undefined && SHORT_KEY.test(key)) text = createPhrase(rng, rng.int(2, 3), words);
  else if (key !== undefined && LONG_KEY.test(key)) text = createParagraph(rng, rng.int(1, 3), words);
  else text = createSentence(rng, words);
  if (ctx.say && (s.maxLength === undefined || ctx.say.length + 1 + text.length <= s.maxLength)) text = `${ctx.say} ${text}`;
  const min = s.minLength ?? 0;
  while (text.length < min) text += ` ${createSentence(rng, words)}`;
  if (s.maxLength !== undefined && text.length > s.maxLength) {
    const cut = text.slice(0, s.maxLength);
    text = cut.trimEnd().length >= min ? cut.trimEnd() : cut;
  }
  return text;
}

function generateNumber(s: JSONSchemaObject, rng: Rng, integer: boolean): number {
  let lo = s.minimum ?? -Infinity;
  let hi = s.maximum ?? Infinity;
  let loOpen = s.exclusiveMinimum === true;
  let hiOpen = s.exclusiveMaximum === true;
  // Draft 6+ writes exclusive bounds as numbers; draft 4 as booleans beside minimum/maximum.
  if (typeof s.exclusiveMinimum === "number" && s.exclusiveMinimum >= lo) [lo, loOpen] = [s.exclusiveMinimum, true];
  if (typeof s.exclusiveMaximum === "number" && s.exclusiveMaximum <= hi) [hi, hiOpen] = [s.exclusiveMaximum, true];
  if (lo === -Infinity && hi === Infinity) [lo, hi] = [0, 100];
  else if (lo === -Infinity) lo = hi - 100;
  else if (hi === Infinity) hi = lo + 100;
  const step = s.multipleOf ?? (integer ? 1 : undefined);
  if (step !== undefined) {
    const kLo = loOpen ? Math.floor(lo / step) + 1 : Math.ceil(lo / step);
    const kHi = hiOpen ? Math.ceil(hi / step) - 1 : Math.floor(hi / step);
    if (kLo > kHi) throw new Error(`No ${integer ? "integer" : "multiple of " + step} within [${lo}, ${hi}]`);
    const decimals = (String(step).split(".")[1] ?? "").length;
    return Number((rng.int(kLo, kHi) * step).toFixed(decimals));
  }
  let value = Math.round((lo + rng.next() * (hi - lo)) * 100) / 100;
  const outside = value < lo || value > hi || (loOpen && value === lo) || (hiOpen && value === hi);
  if (outside) value = (lo + hi) / 2;
  return value;
}
