import type { BuiltinVariable } from "@/lib/prompts";
import { documentOrTopicBuiltins } from "./documents";

export const reasoningBuiltins = (fromDocuments: boolean): BuiltinVariable[] => documentOrTopicBuiltins(fromDocuments);

export type ReasoningRow = {
  instruction: string;
  reasoning: string;
  answer: string;
  /** "provider": the model's own reasoning trace; "response": written out in its answer (no trace returned). */
  reasoning_source: "provider" | "response";
  verified: boolean | null;
  verification: string | null;
  language: string;
};
