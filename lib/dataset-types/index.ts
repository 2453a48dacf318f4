// What the UI and the server know about each dataset type: its title, what it
// makes, its template's built-in variables and its row columns.
import type { BuiltinVariable } from "@/lib/prompts";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { classificationBuiltins } from "./classification";
import { conversationBuiltins } from "./conversation";
import { mcqBuiltins } from "./mcq";
import { preferenceBuiltins } from "./preference";
import { reasoningBuiltins } from "./reasoning";
import { textBuiltins } from "./text";
import { transformBuiltins } from "./transform";

export type DatasetTypeInfo = {
  type: DatasetTypeName;
  title: string;
  description: string;
  /** Built-ins for a design: some depend on it (documents or topics, a source's columns). */
  builtins(context: { fromDocuments?: boolean; columns?: readonly string[] }): BuiltinVariable[];
  /** Row fields in export order (transform: the source's columns, then its output fields). */
  columns: string[];
  /** Prompts come from a source of documents. */
  source: "required" | "optional" | "none";
};

export const datasetTypes: Record<DatasetTypeName, DatasetTypeInfo> = {
  classification: {
    type: "classification", title: "Classification", source: "none",
    description: "Short texts for each label, in each language: training data for a text classifier.",
    builtins: () => classificationBuiltins,
    columns: ["text", "label", "language"],
  },
  text: {
    type: "text", title: "Text", source: "none",
    description: "Texts of several document types about several topics: pretraining or evaluation text.",
    builtins: () => textBuiltins,
    columns: ["text", "document_type", "topic", "language"],
  },
  conversation: {
    type: "conversation", title: "Conversation", source: "none",
    description: "Multi-turn chats between personas and an assistant for a domain: instruction-tuning data.",
    builtins: () => conversationBuiltins,
    columns: ["messages", "persona", "topic", "subtopic", "language"],
  },
  mcq: {
    type: "mcq", title: "Multiple choice", source: "required",
    description: "Questions with one answer and three checked distractors, from your documents.",
    builtins: () => mcqBuiltins,
    columns: ["instruction", "answer", "distractors", "source", "language"],
  },
  preference: {
    type: "preference", title: "Preference", source: "optional",
    description: "Instructions with a chosen and a rejected response (optionally evolved and judged): DPO/RLHF pairs.",
    builtins: ({ fromDocuments }) => preferenceBuiltins(fromDocuments ?? false),
    columns: ["instruction", "chosen", "rejected", "models", "scores", "assessments", "language"],
  },
  reasoning: {
    type: "reasoning", title: "Reasoning", source: "optional",
    description: "Problems answered by a reasoning model, keeping its reasoning trace, optionally verified by a judge.",
    builtins: ({ fromDocuments }) => reasoningBuiltins(fromDocuments ?? false),
    columns: ["instruction", "reasoning", "answer", "verified", "language"],
  },
  transform: {
    type: "transform", title: "Transform", source: "required",
    description: "One prompt per row of a source, with its columns as variables, and typed output fields you define.",
    builtins: ({ columns }) => transformBuiltins(columns ?? []),
    columns: [],
  },
};
