import { z } from "zod";
import { mcqBuiltins } from "@/lib/dataset-types/mcq";
import { sourceRefSchema } from "@/lib/sources/source-ref";
import { addBaseIssues, baseFields } from "../design-base";

export const mcqDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("mcq"),
    source: sourceRefSchema,
  })
  .strict()
  .superRefine((design, ctx) => addBaseIssues(ctx, design, mcqBuiltins, "mcq"));

export type McqDesign = z.infer<typeof mcqDesignSchema>;
