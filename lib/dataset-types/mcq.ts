import type { BuiltinVariable } from "@/lib/prompts";
import { contextBuiltin, documentBuiltin, languageBuiltin, samplesBuiltin } from "./documents";

export const mcqBuiltins: BuiltinVariable[] = [documentBuiltin, contextBuiltin, languageBuiltin, { ...samplesBuiltin, description: "how many questions one prompt asks for (samplesPerPrompt)" }];

export const DISTRACTOR_COUNT = 3;

export type McqRow = { instruction: string; answer: string; distractors: string[]; source: string; language: string };

/** How choices are compared: case, spacing and final punctuation do not make a distractor differ from the answer. */
export const normalizeChoice = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!?]+$/, "");
