import type { BuiltinVariable } from "@/lib/prompts";

export const textBuiltins: BuiltinVariable[] = [
  { name: "document_type", mandatory: true, description: "the document type (an email, a product review…); each gets its own prompts" },
  { name: "topic", mandatory: true, description: "the topic; each document type × topic pair gets its own prompts" },
  { name: "language", mandatory: false, description: "the language name; mandatory when the design has several languages" },
  { name: "num_samples", mandatory: false, description: "how many texts one prompt asks for (samplesPerPrompt)" },
];

export type TextRow = { text: string; document_type: string; topic: string; language: string };
