import { z } from "zod";
import { modelLimitsSchema, modelParametersSchema, modelPricingSchema } from "@/lib/designs/model-schema";

/** Everything a worker needs to call one model; stored in each work item's payload. */
export const modelRefSchema = z.object({
  connectionId: z.string(),
  kind: z.literal("openai_compatible"),
  baseURL: z.string(),
  model: z.string(),
  apiKeyEnv: z.string().optional(),
  parameters: modelParametersSchema.default({}),
  limits: modelLimitsSchema.default({}),
  pricing: modelPricingSchema.optional(),
  structuredOutputs: z.boolean().default(true),
  timeoutMs: z.number().int().positive().optional(),
});

export type ModelRef = z.infer<typeof modelRefSchema>;
