import { z } from "zod";

export const modelLimitsSchema = z
  .object({
    rpm: z.number().int().positive().optional(),
    tpm: z.number().int().positive().optional(),
    rpd: z.number().int().positive().optional(),
    concurrency: z.number().int().min(1).max(1024).optional(),
  })
  .strict();

export const modelParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().gt(0).max(1).optional(),
    maxOutputTokens: z.number().int().positive().optional(),
  })
  .strict();

export const modelPricingSchema = z
  .object({
    inputPerMillion: z.number().min(0),
    outputPerMillion: z.number().min(0),
  })
  .strict();

/** A model inline in a design file; keys never live here, only the name of the env var holding one. */
export const modelSchema = z
  .object({
    provider: z.literal("openai-compatible", {
      error: 'provider must be "openai-compatible" (any server speaking the OpenAI chat completions API, including the bundled mock: npm run mock-llm)',
    }),
    baseURL: z.url({ error: 'baseURL must be a URL such as "http://127.0.0.1:8787/v1"' }),
    model: z.string().trim().min(1, { error: 'model is required, e.g. "mock-1"' }),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "apiKeyEnv must be the NAME of an environment variable (e.g. OPENAI_API_KEY), never the key itself" })
      .optional(),
    limits: modelLimitsSchema.optional(),
    parameters: modelParametersSchema.optional(),
    /** USD per million tokens, for models the built-in price table does not know. */
    pricing: modelPricingSchema.optional(),
  })
  .strict();

export type ModelConfig = z.infer<typeof modelSchema>;
export type ModelLimits = z.infer<typeof modelLimitsSchema>;
