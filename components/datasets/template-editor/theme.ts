import { EditorView } from "@codemirror/view";

// Colours are the app's CSS variables (app/globals.css), so the editor follows the theme.
// Tailwind inlines its --font-*/--radius-* theme tokens instead of emitting them, so
// the fonts repeat their definition from globals.css.
const monoFont = "var(--font-geist-mono), ui-monospace, SFMono-Regular, Menlo, monospace";
const sansFont = "var(--font-geist-sans), ui-sans-serif, system-ui, sans-serif";
const radius = "calc(var(--radius) - 2px)";
const tint = (color: string, percent: number) => `color-mix(in oklch, var(${color}) ${percent}%, transparent)`;

export const templateTheme = EditorView.theme({
  "&": { fontSize: "13px", backgroundColor: "transparent", color: "var(--foreground)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: monoFont, lineHeight: "1.5rem", overflow: "auto" },
  ".cm-content": { padding: "0.5rem 0", minHeight: "6rem", caretColor: "var(--foreground)" },
  ".cm-line": { padding: "0 0.75rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--foreground)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: tint("--info", 20) },
  ".cm-variable": { borderRadius: "0.2rem", padding: "0.05rem 0" },
  ".cm-variable-builtin": { backgroundColor: tint("--info", 14), color: "var(--info)" },
  ".cm-variable-expansion": { backgroundColor: tint("--success", 14), color: "var(--success)" },
  ".cm-variable-unknown": { backgroundColor: tint("--destructive", 12), color: "var(--destructive)" },
  ".cm-lintPoint-error:after": { borderBottomColor: "var(--destructive)" },
  ".cm-lintPoint-warning:after": { borderBottomColor: "var(--warning)" },
  ".cm-tooltip": {
    border: "1px solid var(--border)",
    borderRadius: radius,
    backgroundColor: "var(--card)",
    color: "var(--card-foreground)",
    boxShadow: "0 4px 12px rgb(0 0 0 / 0.08)",
    fontFamily: sansFont,
    fontSize: "12px",
    overflow: "hidden",
  },
  ".cm-tooltip-lint": { maxWidth: "28rem" },
  ".cm-diagnostic": { padding: "0.375rem 0.625rem", lineHeight: "1.4" },
  ".cm-diagnostic-error": { borderLeft: "3px solid var(--destructive)" },
  ".cm-diagnostic-warning": { borderLeft: "3px solid var(--warning)" },
  ".cm-diagnosticText": { display: "block" },
  ".cm-diagnosticAction": { backgroundColor: "var(--primary)", color: "var(--primary-foreground)", borderRadius: "calc(var(--radius) - 4px)", padding: "0.125rem 0.5rem", marginLeft: 0, marginTop: "0.375rem", display: "inline-block" },
  ".cm-tooltip.cm-tooltip-autocomplete > ul": { fontFamily: monoFont, maxHeight: "14rem" },
  ".cm-tooltip.cm-tooltip-autocomplete > ul > li": { padding: "0.125rem 0.5rem" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--accent-foreground)" },
  ".cm-tooltip-autocomplete completion-section": { fontFamily: sansFont, fontSize: "11px", color: "var(--muted-foreground)", borderBottom: "1px solid var(--border)", padding: "0.25rem 0.5rem" },
  ".cm-completionDetail": { marginLeft: "0.75rem", fontStyle: "normal", fontFamily: sansFont, color: "var(--muted-foreground)" },
  ".cm-completionInfo": { padding: "0.375rem 0.625rem", maxWidth: "20rem" },
  ".cm-completionMatchedText": { textDecoration: "none", fontWeight: "600" },
});
