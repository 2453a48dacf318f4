// The dataset design, as stored, sent by forms and read from design files: one
// schema per dataset type (lib/designs/types), told apart by `type`.
import { z } from "zod";
import { classificationDesignSchema } from "./types/classification";
import { conversationDesignSchema } from "./types/conversation";
import { mcqDesignSchema } from "./types/mcq";
import { preferenceDesignSchema } from "./types/preference";
import { reasoningDesignSchema } from "./types/reasoning";
import { textDesignSchema } from "./types/text";
import { transformDesignSchema } from "./types/transform";

export { labelSchema, classificationDesignSchema, type ClassificationDesign } from "./types/classification";
export type { TextDesign } from "./types/text";
export type { ConversationDesign } from "./types/conversation";
export type { McqDesign } from "./types/mcq";
export type { PreferenceDesign } from "./types/preference";
export type { ReasoningDesign } from "./types/reasoning";
export type { TransformDesign, OutputField } from "./types/transform";

export const datasetTypeNames = ["classification", "text", "conversation", "mcq", "preference", "reasoning", "transform"] as const;
export type DatasetTypeName = (typeof datasetTypeNames)[number];

export const datasetDesignSchema = z.discriminatedUnion(
  "type",
  [classificationDesignSchema, textDesignSchema, conversationDesignSchema, mcqDesignSchema, preferenceDesignSchema, reasoningDesignSchema, transformDesignSchema],
  { error: (issue) => (issue.code === "invalid_union" ? `type must be one of ${datasetTypeNames.map((name) => `"${name}"`).join(", ")}` : undefined) },
);

export type DatasetDesign = z.infer<typeof datasetDesignSchema>;
export type DatasetDesignInput = z.input<typeof datasetDesignSchema>;
export type DesignOfType<T extends DatasetTypeName> = Extract<DatasetDesign, { type: T }>;
export type DesignInputOfType<T extends DatasetTypeName> = Extract<DatasetDesignInput, { type: T }>;
