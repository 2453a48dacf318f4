"use client";

import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { ConversationFields } from "./conversation-fields";
import { McqFields } from "./mcq-fields";
import { PreferenceFields } from "./preference-fields";
import type { TypeFieldsProps } from "./props";
import { ReasoningFields } from "./reasoning-fields";
import { TextFields } from "./text-fields";
import { TransformFields } from "./transform-fields";

/** The sections a type adds to the design form (classification's labels live in LabelsField). */
export function TypeFieldsEditor({ type, ...props }: TypeFieldsProps & { type: DatasetTypeName }) {
  switch (type) {
    case "classification":
      return null;
    case "text":
      return <TextFields {...props} />;
    case "conversation":
      return <ConversationFields {...props} />;
    case "mcq":
      return <McqFields {...props} />;
    case "preference":
      return <PreferenceFields {...props} />;
    case "reasoning":
      return <ReasoningFields {...props} />;
    case "transform":
      return <TransformFields {...props} />;
  }
}
