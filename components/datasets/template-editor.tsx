"use client";

import { AlertCircle, AlertTriangle, CheckCircle2, Trash2 } from "lucide-react";
import type { BuiltinVariable, TemplateDiagnostic } from "@/lib/prompts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useTemplateView } from "./template-editor/use-template-view";

type Props = {
  index: number;
  value: string;
  onChange: (value: string) => void;
  onRemove?: () => void;
  diagnostics: readonly TemplateDiagnostic[];
  builtins: readonly BuiltinVariable[];
  expansionNames: readonly string[];
};

/** One template in a CodeMirror editor: variables tinted by kind, completion after `{{`, the validator's problems underlined and listed. */
export function TemplateEditor({ index, value, onChange, onRemove, diagnostics, builtins, expansionNames }: Props) {
  const hasError = diagnostics.some((d) => d.severity === "error");
  const { hostRef, mounted, insertVariable } = useTemplateView({
    value,
    onChange,
    diagnostics,
    builtins,
    expansionNames,
    attributes: {
      "aria-label": `Template ${index + 1}`,
      "aria-describedby": `template-diagnostics-${index}`,
      "aria-invalid": hasError ? "true" : undefined,
      "data-testid": `template-${index}`,
      spellcheck: "false",
    },
  });

  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">Template {index + 1}</span>
        {onRemove ? (
          <Button variant="ghost" size="icon-sm" aria-label={`Remove template ${index + 1}`} data-testid={`remove-template-${index}`} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        ) : null}
      </div>
      <div className={cn("rounded-md border border-input bg-card shadow-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30", hasError && "border-destructive/60")}>
        <div ref={hostRef} data-testid={`template-editor-${index}`} />
        {/* Until the editor mounts in the browser, the text itself keeps the layout. */}
        {mounted ? null : <div aria-hidden className="min-h-24 whitespace-pre-wrap break-words px-3 py-2 font-mono text-[13px] leading-6">{value}</div>}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs text-muted-foreground">Insert</span>
        {builtins.map((builtin) => (
          <VariableChip key={builtin.name} name={builtin.name} title={`Built-in: ${builtin.description}${builtin.mandatory ? " (mandatory)" : ""}`} onInsert={insertVariable} builtin testId={`insert-variable-${index}-${builtin.name}`} />
        ))}
        {expansionNames.map((name) => (
          <VariableChip key={name} name={name} title="Expansion variable: each value makes its own prompts" onInsert={insertVariable} testId={`insert-variable-${index}-${name}`} />
        ))}
      </div>
      <TemplateDiagnostics index={index} diagnostics={diagnostics} />
    </div>
  );
}

function VariableChip({ name, title, onInsert, builtin = false, testId }: { name: string; title: string; onInsert: (name: string) => void; builtin?: boolean; testId: string }) {
  return (
    <button
      type="button"
      title={title}
      data-testid={testId}
      onClick={() => onInsert(name)}
      className={cn(
        "rounded-md border px-1.5 py-0.5 font-mono text-xs transition-colors hover:bg-accent",
        builtin ? "border-info/25 bg-info/5 text-info" : "border-success/25 bg-success/5 text-success",
      )}
    >
      {`{{${name}}}`}
    </button>
  );
}

function TemplateDiagnostics({ index, diagnostics }: { index: number; diagnostics: readonly TemplateDiagnostic[] }) {
  return (
    <div id={`template-diagnostics-${index}`} data-testid={`template-diagnostics-${index}`} aria-live="polite" className="text-xs">
      {diagnostics.length === 0 ? (
        <p className="flex items-center gap-1.5 text-success">
          <CheckCircle2 className="size-3.5" aria-hidden /> No problems
        </p>
      ) : (
        <ul className="grid gap-1">
          {diagnostics.map((diagnostic, i) => (
            <li key={i} data-severity={diagnostic.severity} className={cn("flex gap-1.5", diagnostic.severity === "error" ? "text-destructive" : "text-[oklch(0.5_0.12_70)]")}>
              {diagnostic.severity === "error" ? <AlertCircle className="mt-px size-3.5 shrink-0" aria-hidden /> : <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />}
              <span>{diagnostic.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
