// Built-in variables shared by the types that read documents (or topics instead).
import type { BuiltinVariable } from "@/lib/prompts";

export const documentBuiltin: BuiltinVariable = { name: "document", mandatory: true, description: "the document's text; each document gets its own prompts" };
export const contextBuiltin: BuiltinVariable = { name: "context", mandatory: false, description: "the document's context column (empty when none is chosen)" };
export const topicBuiltin: BuiltinVariable = { name: "topic", mandatory: true, description: "the topic; each topic gets its own prompts" };
export const languageBuiltin: BuiltinVariable = { name: "language", mandatory: false, description: "the language name; mandatory when the design has several languages" };
export const samplesBuiltin: BuiltinVariable = { name: "num_samples", mandatory: false, description: "how many items one prompt asks for (samplesPerPrompt)" };

/** Built-ins of a type whose prompts come from documents or, without a source, from topics. */
export function documentOrTopicBuiltins(fromDocuments: boolean): BuiltinVariable[] {
  return fromDocuments ? [documentBuiltin, contextBuiltin, languageBuiltin, samplesBuiltin] : [topicBuiltin, languageBuiltin, samplesBuiltin];
}
