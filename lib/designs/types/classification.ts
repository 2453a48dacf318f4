import { z } from "zod";
import { classificationBuiltins } from "@/lib/dataset-types/classification";
import { addBaseIssues, addDuplicateIssues, baseFields } from "../design-base";

export const labelSchema = z
  .object({
    name: z.string().trim().min(1, { error: "label name is required" }).max(100),
    description: z.string().trim().max(2000).default(""),
  })
  .strict();

export const classificationDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("classification"),
    labels: z.array(labelSchema).min(1, { error: "labels needs at least one label" }),
    /** Each text may carry several labels: the prompt's label and any others that fit it. */
    multiLabel: z.boolean().default(false),
  })
  .strict()
  .superRefine((design, ctx) => {
    addDuplicateIssues(ctx, design.labels.map((label) => label.name), ["labels"], "label", ["name"]);
    addBaseIssues(ctx, design, classificationBuiltins, "classification");
  });

export type ClassificationDesign = z.infer<typeof classificationDesignSchema>;
