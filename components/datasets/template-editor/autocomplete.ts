import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { knownVariables, type KnownVariables } from "./variables";

export type VariableCompletion = { label: string; apply: string; detail: string; info?: string; section: string; boost: number };
export type VariableCompletions = { from: number; to: number; options: VariableCompletion[] };

const OPEN_SLOT = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)?$/;
const WORD_BEFORE = /[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_REST = /^[A-Za-z0-9_]*/;
const CLOSED = /^\s*\}\}/;

/**
 * What to offer at `cursor` in `text`: after `{{` (and a partial name) the variable names,
 * completed with `}}` unless the slot is already closed; when asked explicitly (Ctrl-Space)
 * anywhere else, whole `{{name}}` slots. Null when there is nothing to offer.
 */
export function variableCompletions(text: string, cursor: number, known: KnownVariables, explicit: boolean): VariableCompletions | null {
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  const rest = NAME_REST.exec(after)?.[0] ?? "";
  const slot = OPEN_SLOT.exec(before);
  if (slot) {
    const typed = slot[1] ?? "";
    const closed = CLOSED.test(after.slice(rest.length));
    return { from: cursor - typed.length, to: cursor + rest.length, options: options(known, (name) => (closed ? name : `${name}}}`)) };
  }
  if (!explicit) return null;
  const word = WORD_BEFORE.exec(before)?.[0] ?? "";
  return { from: cursor - word.length, to: cursor + rest.length, options: options(known, (name) => `{{${name}}}`) };
}

function options(known: KnownVariables, apply: (name: string) => string): VariableCompletion[] {
  const builtinNames = new Set(known.builtins.map((b) => b.name));
  return [
    ...known.builtins.map((builtin) => ({
      label: builtin.name,
      apply: apply(builtin.name),
      detail: builtin.mandatory ? "built-in · mandatory" : "built-in",
      info: `Filled by the dataset type with ${builtin.description}.`,
      section: "Built-in variables",
      // Mandatory ones first: a template cannot be saved without them.
      boost: builtin.mandatory ? 2 : 1,
    })),
    ...known.expansionNames
      .filter((name) => !builtinNames.has(name))
      .map((name) => ({ label: name, apply: apply(name), detail: "expansion", info: "Expansion variable: each of its values makes its own prompts.", section: "Expansion variables", boost: 0 })),
  ];
}

export function variableCompletionSource(context: CompletionContext): CompletionResult | null {
  const result = variableCompletions(context.state.doc.toString(), context.pos, context.state.facet(knownVariables), context.explicit);
  if (!result || result.options.length === 0) return null;
  return {
    from: result.from,
    to: result.to,
    options: result.options.map((option): Completion => ({ ...option, type: "variable" })),
    validFor: /^[A-Za-z0-9_]*$/,
  };
}

export const variableAutocomplete = autocompletion({ override: [variableCompletionSource], icons: false });
