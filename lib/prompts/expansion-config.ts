import { z } from "zod";

export const DEFAULT_MAX_PROMPTS = 1000;
/** Expansion keeps its prompts in memory, so both modes are bounded. */
export const PROMPT_LIMIT = 1_000_000;
const MAX_SEED = 0xffffffff;

const promptCount = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(1, { error: `${field} must be at least 1` })
    .max(PROMPT_LIMIT, { error: `${field} can be at most ${PROMPT_LIMIT.toLocaleString("en-US")}` });

export const combinatorialExpansionSchema = z.object({
  mode: z.literal("combinatorial"),
  maxPrompts: promptCount("maxPrompts").default(DEFAULT_MAX_PROMPTS),
});

export const randomExpansionSchema = z.object({
  mode: z.literal("random"),
  count: promptCount("count"),
  // The seed feeds a 32-bit generator; a wider range would alias seeds silently.
  seed: z
    .number({ error: "seed must be a number" })
    .int({ error: "seed must be a whole number" })
    .min(0, { error: "seed must be 0 or more" })
    .max(MAX_SEED, { error: `seed can be at most ${MAX_SEED}` })
    .default(0),
  allowDuplicates: z.boolean().default(false),
});

export const expansionConfigSchema = z.discriminatedUnion(
  "mode",
  [combinatorialExpansionSchema, randomExpansionSchema],
  { error: 'mode must be "combinatorial" or "random"' },
);

/** What a design file or form provides; omitted fields take their defaults. */
export type ExpansionConfig = z.input<typeof expansionConfigSchema>;
/** After parsing: every default filled in. */
export type ResolvedExpansionConfig = z.output<typeof expansionConfigSchema>;

/**
 * For `expansionConfigSchema.default(...)`: zod 4 returns a default as-is without parsing it,
 * so it must already be complete (or use `.prefault({ mode: "combinatorial" })`).
 */
export const defaultExpansionConfig: ResolvedExpansionConfig = {
  mode: "combinatorial",
  maxPrompts: DEFAULT_MAX_PROMPTS,
};
