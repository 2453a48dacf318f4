// The classification type's one step: a list of texts for a label, in a language.
import { z } from "zod";
import type { WorkItemPayload } from "../payload";

export function classificationOutputSchema(samples: number) {
  return z.object({
    texts: z
      .array(z.string().trim().min(1, { error: "texts must not be empty strings" }))
      .length(samples, { error: `texts must contain exactly ${samples} items` }),
  });
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
