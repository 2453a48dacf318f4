import { z } from "zod";
import { evolStrategies, preferenceBuiltins } from "@/lib/dataset-types/preference";
import { modelSchema } from "../model-schema";
import { addBaseIssues, baseFields, designSeed } from "../design-base";
import { addTopicsOrSourceIssues, judgeSchema, topicsOrSourceFields } from "./topics-or-source";

export const evolInstructSchema = z
  .object({
    /** Rounds of rewriting every instruction; 0 keeps them as generated. */
    rounds: z.number().int().min(0).max(5, { error: "evolInstruct.rounds must be between 0 and 5" }).default(0),
    strategies: z.array(z.enum(evolStrategies)).min(1, { error: `evolInstruct.strategies needs at least one of ${evolStrategies.join(", ")}` }).default([...evolStrategies]),
  })
  .strict();

export const preferenceDesignSchema = z
  .object({
    ...baseFields,
    ...topicsOrSourceFields,
    type: z.literal("preference"),
    evolInstruct: evolInstructSchema.prefault({}),
    /** Writes the rejected responses; without one, the chosen model writes a deliberately weaker answer. */
    rejectedModel: modelSchema.optional(),
    judge: judgeSchema.optional(),
    seed: designSeed,
  })
  .strict()
  .superRefine((design, ctx) => {
    addTopicsOrSourceIssues(ctx, design);
    addBaseIssues(ctx, design, preferenceBuiltins(design.source !== undefined), "preference", [
      { path: ["rejectedModel"], model: design.rejectedModel },
      { path: ["judge", "model"], model: design.judge?.model },
    ]);
  });

export type PreferenceDesign = z.infer<typeof preferenceDesignSchema>;
