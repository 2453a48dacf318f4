// Inputs of the sources API, shared by the forms and the procedures.
import { z } from "zod";
import { hubSampleSchema, sourceRefSchema } from "./source-ref";

export const sourceIdSchema = z.object({ id: z.uuid({ error: "id must be the id of a stored source" }) });

export const sourcePageSchema = sourceIdSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});

/** A Hub sample to fetch now; the token is used for this fetch only and never stored. */
export const fetchHubSampleSchema = hubSampleSchema.extend({
  token: z.string().trim().max(400).optional().transform((token) => token || undefined),
});
export type FetchHubSampleInput = z.input<typeof fetchHubSampleSchema>;

export const previewSourceSchema = z.object({
  source: sourceRefSchema,
  limit: z.number().int().min(1).max(50).default(5),
});
