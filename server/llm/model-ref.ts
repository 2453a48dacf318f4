import { z } from "zod";
import { modelLimitsSchema, modelParametersSchema, modelPricingSchema } from "@/lib/designs/model-schema";

export const providerKinds = ["openai", "anthropic", "google", "mistral", "openrouter", "ollama", "openai_compatible"] as const;
export type ProviderKindName = (typeof providerKinds)[number];

/**
 * Everything a worker needs to call one model; stored in each work item's
 * payload. Never holds a key: `apiKeyEnv` names an env var, and stored
 * connections' encrypted keys are looked up by `connectionId` at call time.
 */
export const modelRefSchema = z.object({
  /** provider_connections.id; "preview" for unsaved designs without a stored connection. */
  connectionId: z.string(),
  /** Display name of the connection ("my-openai", or "inline:host:hash"). */
  connectionName: z.string().optional(),
  kind: z.enum(providerKinds),
  /** Undefined = the provider's default endpoint. */
  baseURL: z.string().optional(),
  model: z.string(),
  apiKeyEnv: z.string().optional(),
  /** The connection has an encrypted key in the database. */
  hasStoredKey: z.boolean().default(false),
  parameters: modelParametersSchema.default({}),
  limits: modelLimitsSchema.default({}),
  pricing: modelPricingSchema.optional(),
  /** User switch: use the provider's native JSON-schema output when it has one. */
  structuredOutputs: z.boolean().default(true),
  timeoutMs: z.number().int().positive().optional(),
});

export type ModelRef = z.infer<typeof modelRefSchema>;
