import type { EditorView } from "@codemirror/view";
import { setDiagnostics, type Action, type Diagnostic } from "@codemirror/lint";
import type { TemplateDiagnostic } from "@/lib/prompts";

/** A one-click repair offered in a diagnostic's tooltip. */
export type TemplateFix = { name: string; from: number; to: number; insert: string };

/**
 * The fix a diagnostic already names: the suggested `{{name}}` in place of the span, or the
 * missing mandatory variable appended at the end.
 */
export function fixFor(diagnostic: TemplateDiagnostic, docLength: number): TemplateFix | undefined {
  const { code, suggestion } = diagnostic;
  if (!suggestion) return undefined;
  if (code === "missing_variable") return { name: `Add {{${suggestion}}}`, from: docLength, to: docLength, insert: docLength === 0 ? `{{${suggestion}}}` : ` {{${suggestion}}}` };
  if (diagnostic.to <= diagnostic.from) return undefined;
  return { name: `Write {{${suggestion}}}`, from: diagnostic.from, to: diagnostic.to, insert: `{{${suggestion}}}` };
}

/**
 * Validator diagnostics as CodeMirror lint ranges. Those about the whole template
 * (missing variable, empty template: 0..0) sit at the end of the text, where the fix goes.
 */
export function toLintDiagnostics(diagnostics: readonly TemplateDiagnostic[], docLength: number): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const whole = diagnostic.to <= diagnostic.from;
    const from = whole ? docLength : Math.min(diagnostic.from, docLength);
    const to = whole ? docLength : Math.min(diagnostic.to, docLength);
    const fix = fixFor(diagnostic, docLength);
    const actions: Action[] = fix
      ? [
          {
            name: fix.name,
            // The lint state maps the diagnostic through later edits; the fix follows it.
            apply: (view, mappedFrom, mappedTo) => {
              const range = fix.from === fix.to ? { from: view.state.doc.length, to: view.state.doc.length } : { from: mappedFrom, to: mappedTo };
              view.dispatch({ changes: { ...range, insert: fix.insert }, selection: { anchor: range.from + fix.insert.length } });
            },
          },
        ]
      : [];
    return { from, to, severity: diagnostic.severity, message: diagnostic.message, actions };
  });
}

export function showDiagnostics(view: EditorView, diagnostics: readonly TemplateDiagnostic[]) {
  view.dispatch(setDiagnostics(view.state, toLintDiagnostics(diagnostics, view.state.doc.length)));
}
