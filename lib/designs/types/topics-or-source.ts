// Preference and reasoning prompts come from documents (a source) or from topics.
import { z } from "zod";
import { sourceRefSchema } from "@/lib/sources/source-ref";
import { modelSchema } from "../model-schema";
import { nameList } from "../design-base";

export const topicsOrSourceFields = {
  topics: nameList("topics").optional(),
  source: sourceRefSchema.optional(),
};

export function addTopicsOrSourceIssues(ctx: z.RefinementCtx, design: { topics?: string[]; source?: unknown }) {
  if ((design.topics === undefined) === (design.source === undefined)) {
    ctx.addIssue({ code: "custom", path: ["topics"], message: "give either topics (a list of subjects) or source (documents), not both and not neither" });
  }
}

export const judgeSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** The judge's model; without one, the work item's own model judges. */
    model: modelSchema.optional(),
  })
  .strict();
