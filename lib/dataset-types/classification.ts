import type { BuiltinVariable } from "@/lib/prompts";

export const classificationBuiltins: BuiltinVariable[] = [
  { name: "label", mandatory: true, description: "the label name; each label gets its own prompts" },
  { name: "label_description", mandatory: false, description: "the label's description" },
  { name: "labels", mandatory: false, description: "every label name, comma-separated (useful with multiLabel)" },
  { name: "language", mandatory: false, description: "the language name (English, French…); mandatory when the design has several languages" },
  { name: "num_samples", mandatory: false, description: "how many texts one prompt asks for (samplesPerPrompt)" },
];

/** The fields of one classification row, as exported. */
export type ClassificationRow = { text: string; label: string; labels?: string[]; language: string };
