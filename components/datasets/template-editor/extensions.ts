import { completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintKeymap } from "@codemirror/lint";
import { Annotation, Compartment, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, keymap } from "@codemirror/view";
import { variableAutocomplete } from "./autocomplete";
import { variableHighlight } from "./highlight";
import { templateTheme } from "./theme";
import { knownVariables, type KnownVariables } from "./variables";

/** Marks a transaction that writes the parent's value into the editor, so it is not echoed back as a change. */
export const fromParent = Annotation.define<boolean>();

/** Parts that change with props; each lives in its own compartment. */
export type TemplateEditorCompartments = { variables: Compartment; attributes: Compartment };

export function contentAttributes(attributes: Record<string, string | undefined>): Extension {
  const defined = Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return EditorView.contentAttributes.of(defined);
}

export function templateEditorExtensions(options: {
  compartments: TemplateEditorCompartments;
  known: KnownVariables;
  attributes: Record<string, string | undefined>;
  onChange: (value: string) => void;
}): Extension[] {
  const { compartments, known, attributes, onChange } = options;
  return [
    history(),
    drawSelection(),
    EditorView.lineWrapping,
    // No indentWithTab: Tab must move focus on to the next field, not trap it here.
    keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
    variableAutocomplete,
    variableHighlight,
    templateTheme,
    compartments.variables.of(knownVariables.of(known)),
    compartments.attributes.of(contentAttributes(attributes)),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromParent))) return;
      onChange(update.state.doc.toString());
    }),
  ];
}
