import { z } from "zod";
import { datasetTypeNames } from "@/lib/designs/design-schema";
import { modelRefSchema } from "@/server/llm/model-ref";

/** What a work item carries: enough to make its calls with no other lookup. */
export const workItemPayloadSchema = z.object({
  type: z.enum(datasetTypeNames),
  prompt: z.string(),
  templateIndex: z.number().int(),
  /** Expansion variable values only (built-ins are in `cell`). */
  variables: z.record(z.string(), z.string()),
  language: z.string(),
  samples: z.number().int().positive(),
  modelIndex: z.number().int(),
  model: modelRefSchema,
  /** The type's factor values for this item (a label, a topic × persona, a document). */
  cell: z.record(z.string(), z.unknown()),
  /** The design's constants the type's steps need. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Models of other roles (rejected responses, judge). */
  roles: z.object({ rejected: modelRefSchema.optional(), judge: modelRefSchema.optional() }).default({}),
  /** Seeds the item's own randomness; derived from its key. */
  seed: z.number().int().min(0),
  /** Regeneration: the row this item makes a new version of; its row replaces that one when it commits. */
  replacesRowId: z.uuid().optional(),
  /** Regeneration: the extra instruction appended to `prompt`, kept apart for the lineage. */
  instruction: z.string().optional(),
});

export type WorkItemPayload = z.infer<typeof workItemPayloadSchema>;
