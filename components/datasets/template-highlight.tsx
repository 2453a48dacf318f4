import { parseTemplate, type TemplateDiagnostic } from "@/lib/prompts";

type Kind = "text" | "variable" | "error";
type Segment = { kind: Kind; text: string };

/** Splits a template into runs of plain text, known variables and spans a diagnostic points at. */
export function highlightSegments(text: string, diagnostics: readonly TemplateDiagnostic[]): Segment[] {
  const kinds = new Array<Kind>(text.length).fill("text");
  for (const ref of parseTemplate(text).variables) kinds.fill("variable", ref.from, ref.to);
  for (const diagnostic of diagnostics) if (diagnostic.to > diagnostic.from) kinds.fill("error", diagnostic.from, diagnostic.to);
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = kinds[i] ?? "text";
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += text[i];
    else segments.push({ kind, text: text[i] ?? "" });
  }
  return segments;
}

const markClass: Record<Kind, string | undefined> = {
  text: undefined,
  variable: "rounded-sm bg-info/15",
  error: "rounded-sm bg-destructive/15 underline decoration-destructive decoration-wavy underline-offset-4",
};

/**
 * Drawn behind a transparent textarea with identical metrics, so variables and
 * problems are tinted in place while the user types in a plain textarea.
 */
export function TemplateBackdrop({ text, diagnostics, className }: { text: string; diagnostics: readonly TemplateDiagnostic[]; className: string }) {
  return (
    <div aria-hidden className={className}>
      {highlightSegments(text, diagnostics).map((segment, index) =>
        segment.kind === "text" ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark key={index} className={`text-transparent ${markClass[segment.kind]}`}>
            {segment.text}
          </mark>
        ),
      )}
      {/* A trailing newline collapses in a div but not in a textarea; keep the heights equal. */}
      {"\u200b"}
    </div>
  );
}
