// Schemas shared by the types' steps: lists of exactly N non-empty strings or objects.
import { z } from "zod";

/**
 * Keys come from designs (labels, counts, a transform's fields), so a worker that runs for weeks
 * sees ever more of them; past this many the least recently used schema goes.
 */
export const MAX_CACHED_SCHEMAS = 500;
const cache = new Map<string, z.ZodType>();

/** Zod compiles a schema's parser on first use, so a schema per call would pay that every time. */
export function cached<S extends z.ZodType>(key: string, make: () => S): S {
  let schema = cache.get(key) as S | undefined;
  if (schema) {
    // Map order is insertion order: moved to the end, the first key is always the least recently used.
    cache.delete(key);
  } else {
    schema = make();
    if (cache.size >= MAX_CACHED_SCHEMAS) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, schema);
  return schema;
}

export const nonEmpty = (field: string) => z.string().trim().min(1, { error: `${field} must not be an empty string` });

/** `{ [field]: string[] }` of exactly `count` non-empty strings. */
export function stringList<K extends string>(field: K, count: number) {
  return cached(`list:${field}:${count}`, () =>
    z.object({ [field]: z.array(nonEmpty(field)).length(count, { error: `${field} must contain exactly ${count} items` }) } as Record<K, z.ZodArray<z.ZodString>>),
  );
}

export function exactly<T extends z.ZodType>(item: T, count: number, field: string) {
  return z.array(item).length(count, { error: `${field} must contain exactly ${count} items` });
}

/** Numbers a list for a prompt: "1. first\n2. second". */
export function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join("\n");
}
