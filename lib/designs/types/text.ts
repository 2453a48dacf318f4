import { z } from "zod";
import { textBuiltins } from "@/lib/dataset-types/text";
import { addBaseIssues, addDuplicateIssues, baseFields, nameList } from "../design-base";

export const textDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("text"),
    documentTypes: nameList("documentTypes"),
    topics: nameList("topics"),
  })
  .strict()
  .superRefine((design, ctx) => {
    addDuplicateIssues(ctx, design.documentTypes, ["documentTypes"], "document type");
    addDuplicateIssues(ctx, design.topics, ["topics"], "topic");
    addBaseIssues(ctx, design, textBuiltins, "text");
  });

export type TextDesign = z.infer<typeof textDesignSchema>;
