import { Compartment, EditorState, Transaction } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useEffect, useMemo, useRef, useState } from "react";
import type { BuiltinVariable, TemplateDiagnostic } from "@/lib/prompts";
import { contentAttributes, fromParent, templateEditorExtensions } from "./extensions";
import { showDiagnostics } from "./lint";
import { minimalChange } from "./sync";
import { knownVariables, type KnownVariables } from "./variables";

type Options = {
  value: string;
  onChange: (value: string) => void;
  diagnostics: readonly TemplateDiagnostic[];
  builtins: readonly BuiltinVariable[];
  expansionNames: readonly string[];
  /** Attributes of the editable element (aria-label, data-testid…); undefined ones are left out. */
  attributes: Record<string, string | undefined>;
};

/**
 * A CodeMirror view kept in step with React props. The view is created in an effect
 * because CodeMirror needs `document` (so server rendering never sees it), and the
 * parent's value is written in only when it differs from the text, as the smallest
 * change, so a re-render never moves the cursor.
 */
export function useTemplateView({ value, onChange, diagnostics, builtins, expansionNames, attributes }: Options) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const compartments = useMemo(() => ({ variables: new Compartment(), attributes: new Compartment() }), []);

  // Parents rebuild these arrays and objects on every render; compare them by content.
  const knownKey = JSON.stringify([builtins, expansionNames]);
  // Keyed on knownKey (their content) on purpose, not on the arrays' identity.
  const known = useMemo<KnownVariables>(() => ({ builtins, expansionNames }), [knownKey]);
  const attributesKey = JSON.stringify(attributes);

  const latest = useRef({ value, onChange, known, attributes });
  useEffect(() => {
    latest.current = { value, onChange, known, attributes };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { value: doc, known: initialKnown, attributes: initialAttributes } = latest.current;
    const created = new EditorView({
      parent: host,
      state: EditorState.create({
        doc,
        extensions: templateEditorExtensions({ compartments, known: initialKnown, attributes: initialAttributes, onChange: (text) => latest.current.onChange(text) }),
      }),
    });
    setView(created);
    return () => {
      created.destroy();
      setView(null);
    };
  }, [compartments]);

  useEffect(() => {
    if (!view) return;
    const change = minimalChange(view.state.doc.toString(), value);
    if (change) view.dispatch({ changes: change, annotations: [fromParent.of(true), Transaction.addToHistory.of(false)] });
  }, [view, value]);

  useEffect(() => {
    view?.dispatch({ effects: compartments.variables.reconfigure(knownVariables.of(known)) });
  }, [view, known, compartments]);

  useEffect(() => {
    view?.dispatch({ effects: compartments.attributes.reconfigure(contentAttributes(JSON.parse(attributesKey) as Record<string, string | undefined>)) });
  }, [view, attributesKey, compartments]);

  // After the value effect, so the diagnostics' offsets refer to the text they were computed on.
  useEffect(() => {
    if (view) showDiagnostics(view, diagnostics);
  }, [view, diagnostics, value]);

  /** Replaces the selection with `{{name}}` and gives the editor focus back. */
  function insertVariable(name: string) {
    if (!view) return;
    view.dispatch({ ...view.state.replaceSelection(`{{${name}}}`), scrollIntoView: true, userEvent: "input" });
    view.focus();
  }

  return { hostRef, mounted: view !== null, insertVariable };
}
