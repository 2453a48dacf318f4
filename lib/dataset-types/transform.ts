import type { BuiltinVariable } from "@/lib/prompts";
import { languageBuiltin } from "./documents";

/** A transform's variables are its source's columns, plus the language. */
export function transformBuiltins(columns: readonly string[]): BuiltinVariable[] {
  return [...columns.map((name) => ({ name, mandatory: false, description: `the source row's "${name}" column` })), languageBuiltin];
}

export const outputFieldTypes = ["string", "number", "boolean", "enum"] as const;
export type OutputFieldType = (typeof outputFieldTypes)[number];
