import { z } from "zod";
import { reasoningBuiltins } from "@/lib/dataset-types/reasoning";
import { addBaseIssues, baseFields } from "../design-base";
import { addTopicsOrSourceIssues, judgeSchema, topicsOrSourceFields } from "./topics-or-source";

export const reasoningDesignSchema = z
  .object({
    ...baseFields,
    ...topicsOrSourceFields,
    type: z.literal("reasoning"),
    judge: judgeSchema.optional(),
  })
  .strict()
  .superRefine((design, ctx) => {
    addTopicsOrSourceIssues(ctx, design);
    addBaseIssues(ctx, design, reasoningBuiltins(design.source !== undefined), "reasoning", [{ path: ["judge", "model"], model: design.judge?.model }]);
  });

export type ReasoningDesign = z.infer<typeof reasoningDesignSchema>;
