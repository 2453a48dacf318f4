import { RangeSetBuilder } from "@codemirror/state";
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from "@codemirror/view";
import { knownVariables, variableMarks, type VariableKind } from "./variables";

const marks: Record<VariableKind, Decoration> = {
  builtin: Decoration.mark({ class: "cm-variable cm-variable-builtin" }),
  expansion: Decoration.mark({ class: "cm-variable cm-variable-expansion" }),
  unknown: Decoration.mark({ class: "cm-variable cm-variable-unknown" }),
};

// Templates are short prompts, so the whole document is parsed on each change
// rather than only the visible ranges.
function build(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const mark of variableMarks(view.state.doc.toString(), view.state.facet(knownVariables))) {
    builder.add(mark.from, mark.to, marks[mark.kind]);
  }
  return builder.finish();
}

/** Tints each `{{variable}}` by what it refers to: a built-in, an expansion variable, or nothing known. */
export const variableHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.startState.facet(knownVariables) !== update.state.facet(knownVariables)) {
        this.decorations = build(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
