import { Facet } from "@codemirror/state";
import { parseTemplate, type BuiltinVariable } from "@/lib/prompts";

/** The variables a template may use: the dataset type's built-ins and the design's expansion variables. */
export type KnownVariables = { builtins: readonly BuiltinVariable[]; expansionNames: readonly string[] };

export const noVariables: KnownVariables = { builtins: [], expansionNames: [] };

/** Reconfigured (through a compartment) when the dataset type or the expansion variables change. */
export const knownVariables = Facet.define<KnownVariables, KnownVariables>({
  combine: (values) => values[values.length - 1] ?? noVariables,
});

export type VariableKind = "builtin" | "expansion" | "unknown";
export type VariableMark = { from: number; to: number; name: string; kind: VariableKind };

/** Every well-formed `{{name}}` slot with what it refers to; a built-in wins over an expansion variable of the same name. */
export function variableMarks(text: string, known: KnownVariables): VariableMark[] {
  const builtins = new Set(known.builtins.map((b) => b.name));
  const expansions = new Set(known.expansionNames);
  return parseTemplate(text).variables.map((ref) => ({
    from: ref.from,
    to: ref.to,
    name: ref.name,
    kind: builtins.has(ref.name) ? "builtin" : expansions.has(ref.name) ? "expansion" : "unknown",
  }));
}
