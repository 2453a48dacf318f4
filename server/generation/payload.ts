import { z } from "zod";
import { modelRefSchema } from "@/server/llm/model-ref";

/** What a work item carries: enough to make its call with no other lookup. */
export const workItemPayloadSchema = z.object({
  type: z.literal("classification"),
  prompt: z.string(),
  templateIndex: z.number().int(),
  /** Expansion variable values only (built-ins are separate fields). */
  variables: z.record(z.string(), z.string()),
  language: z.string(),
  label: z.string(),
  samples: z.number().int().positive(),
  modelIndex: z.number().int(),
  model: modelRefSchema,
});

export type WorkItemPayload = z.infer<typeof workItemPayloadSchema>;
