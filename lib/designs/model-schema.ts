// The models of a design: either inline (provider + model + optional endpoint
// and key variable) or a reference to a stored provider connection by name.
// Keys never live here: only the NAME of an environment variable holding one.
import { z } from "zod";

export const modelLimitsSchema = z
  .object({
    rpm: z.number().int().positive().optional(),
    tpm: z.number().int().positive().optional(),
    rpd: z.number().int().positive().optional(),
    concurrency: z.number().int().min(1).max(1024).optional(),
  })
  .strict();

export const reasoningEfforts = ["minimal", "low", "medium", "high"] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

export const modelParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().gt(0).max(1).optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    /** How hard a reasoning model thinks; mapped per provider (effort, thinking budget, think flag). */
    reasoningEffort: z.enum(reasoningEfforts, { error: 'reasoningEffort must be "minimal", "low", "medium" or "high"' }).optional(),
  })
  .strict();

export const modelPricingSchema = z
  .object({
    inputPerMillion: z.number().min(0),
    outputPerMillion: z.number().min(0),
  })
  .strict();

/** Provider spellings in design files (hyphenated); `providerKindOf` maps them to connection kinds. */
export const designProviders = ["openai", "anthropic", "google", "mistral", "openrouter", "ollama", "openai-compatible"] as const;
export type DesignProvider = (typeof designProviders)[number];

export function providerKindOf(provider: DesignProvider) {
  return provider === "openai-compatible" ? "openai_compatible" : provider;
}

const providerList = designProviders.map((name) => `"${name}"`).join(", ");

const providerField = z.enum(designProviders, {
  error: (issue) =>
    issue.input === "openai_compatible"
      ? 'provider is spelled "openai-compatible" in design files'
      : `provider must be one of ${providerList} ("openai-compatible" is any server speaking the OpenAI chat completions API, including the bundled mock: npm run mock-llm)`,
});
const baseURLField = z.url({ error: 'baseURL must be a URL such as "http://127.0.0.1:8787/v1"' });
const modelField = z.string().trim().min(1, { error: 'model is required, e.g. "mock-1" or "gpt-4o-mini"' });
const apiKeyEnvField = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "apiKeyEnv must be the NAME of an environment variable (e.g. OPENAI_API_KEY), never the key itself" });
const connectionField = z.string().trim().min(1, { error: 'connection must be the name of a stored provider connection, e.g. "my-openai"' });

/** A model inline in a design file. */
export const inlineModelSchema = z
  .object({
    provider: providerField,
    /** Undefined = the provider's default endpoint; required for openai-compatible. */
    baseURL: baseURLField.optional(),
    model: modelField,
    apiKeyEnv: apiKeyEnvField.optional(),
    limits: modelLimitsSchema.optional(),
    parameters: modelParametersSchema.optional(),
    /** USD per million tokens, for models the built-in price table does not know. */
    pricing: modelPricingSchema.optional(),
  })
  .strict();

/** A model served by a stored provider connection; its endpoint, key and limits live on the connection. */
export const connectionModelSchema = z
  .object({
    connection: connectionField,
    model: modelField,
    parameters: modelParametersSchema.optional(),
    pricing: modelPricingSchema.optional(),
  })
  .strict();

// The `?: undefined` members let code read `model.baseURL` or `model.limits` on either form.
export type InlineModelConfig = z.infer<typeof inlineModelSchema> & { connection?: undefined };
export type ConnectionModelConfig = z.infer<typeof connectionModelSchema> & {
  provider?: undefined;
  baseURL?: undefined;
  apiKeyEnv?: undefined;
  limits?: undefined;
};
export type ModelConfig = InlineModelConfig | ConnectionModelConfig;
export type ModelLimits = z.infer<typeof modelLimitsSchema>;
export type ModelParameters = z.infer<typeof modelParametersSchema>;

export function isConnectionModel(model: ModelConfig): model is ConnectionModelConfig {
  return model.connection !== undefined;
}

const onlyInline = ["provider", "baseURL", "apiKeyEnv", "limits"] as const;
const onlyInlineFix: Record<(typeof onlyInline)[number], string> = {
  provider: "the connection already says which provider it is",
  baseURL: "the connection already has its endpoint",
  apiKeyEnv: "the connection holds its own key",
  limits: "limits belong to the connection; edit them there",
};

/**
 * One object with every field, checked by hand: a zod union of the two forms
 * reports "Invalid input" without naming the field at fault, and the message
 * must say which form was meant and how to fix it.
 */
const modelEntrySchema = z
  .object({ connection: connectionField.optional(), ...inlineModelSchema.partial({ provider: true }).shape })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.connection === undefined && entry.provider === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: 'give either "connection" (the name of a stored provider connection) or "provider" + "model" (+ "baseURL" for openai-compatible)',
      });
      return;
    }
    if (entry.connection !== undefined) {
      for (const field of onlyInline) {
        if (entry[field] !== undefined) {
          ctx.addIssue({ code: "custom", path: [field], message: `${field} cannot be combined with "connection": ${onlyInlineFix[field]}. Remove ${field}, or remove "connection" to describe the model inline.` });
        }
      }
      return;
    }
    if (entry.provider === "openai-compatible" && entry.baseURL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["baseURL"],
        message: 'baseURL is required for provider "openai-compatible": the server\'s OpenAI-compatible endpoint, e.g. "http://127.0.0.1:8787/v1" (the bundled mock) or "http://localhost:8000/v1" (vLLM)',
      });
    }
  });

/** What a design file or form may hold for one model (every field optional; the refinement picks the form). */
export type ModelConfigInput = z.input<typeof modelEntrySchema>;

/** Validates at runtime exactly the `ModelConfig` union; typed as such (see modelEntrySchema). */
export const modelSchema = modelEntrySchema as unknown as z.ZodType<ModelConfig, ModelConfigInput>;
