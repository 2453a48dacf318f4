// The classification type's one step: a list of texts for a label, in a language.
import { z } from "zod";
import type { WorkItemPayload } from "../payload";

function buildOutputSchema(samples: number) {
  return z.object({
    texts: z
      .array(z.string().trim().min(1, { error: "texts must not be empty strings" }))
      .length(samples, { error: `texts must contain exactly ${samples} items` }),
  });
}

// One schema per sample count: zod compiles a schema's fast parser on first use, so a
// fresh schema per work item would pay that (and the JSON-schema conversion) every call.
const outputSchemas = new Map<number, ReturnType<typeof buildOutputSchema>>();

export function classificationOutputSchema(samples: number) {
  let schema = outputSchemas.get(samples);
  if (!schema) {
    schema = buildOutputSchema(samples);
    outputSchemas.set(samples, schema);
  }
  return schema;
}

export const classificationSystemPrompt =
  "You generate synthetic training data. Follow the user's instructions exactly and answer only with the requested JSON.";

export type RowDraft = { data: Record<string, unknown>; text: string; labels: string[] };

export function classificationRows(output: { texts: string[] }, payload: WorkItemPayload): RowDraft[] {
  return output.texts.map((text) => ({
    data: { text, label: payload.label, language: payload.language },
    text,
    labels: [payload.label],
  }));
}
