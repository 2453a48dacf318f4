"use client";

import { AlertCircle, AlertTriangle, CheckCircle2, Trash2 } from "lucide-react";
import { useRef } from "react";
import type { BuiltinVariable, TemplateDiagnostic } from "@/lib/prompts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TemplateBackdrop } from "./template-highlight";

type Props = {
  index: number;
  value: string;
  onChange: (value: string) => void;
  onRemove?: () => void;
  diagnostics: readonly TemplateDiagnostic[];
  builtins: readonly BuiltinVariable[];
  expansionNames: readonly string[];
};

// Both layers must share every metric that affects wrapping.
const layer = "col-start-1 row-start-1 w-full whitespace-pre-wrap break-words px-3 py-2 font-mono text-[13px] leading-6";

export function TemplateEditor({ index, value, onChange, onRemove, diagnostics, builtins, expansionNames }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const hasError = diagnostics.some((d) => d.severity === "error");

  function insert(name: string) {
    const element = ref.current;
    const slot = `{{${name}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + slot + value.slice(end));
    // Restore the caret after React has written the new value.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + slot.length, start + slot.length);
    });
  }

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
      <div className={cn("grid rounded-md border border-input bg-card shadow-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30", hasError && "border-destructive/60")}>
        <TemplateBackdrop text={value} diagnostics={diagnostics} className={cn(layer, "pointer-events-none border border-transparent text-transparent")} />
        <textarea
          ref={ref}
          aria-label={`Template ${index + 1}`}
          aria-invalid={hasError || undefined}
          aria-describedby={`template-diagnostics-${index}`}
          data-testid={`template-${index}`}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={cn(layer, "field-sizing-content min-h-24 resize-none border border-transparent bg-transparent outline-none")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs text-muted-foreground">Insert</span>
        {builtins.map((builtin) => (
          <VariableChip key={builtin.name} name={builtin.name} title={`Built-in: ${builtin.description}${builtin.mandatory ? " (required)" : ""}`} onInsert={insert} builtin testId={`insert-variable-${index}-${builtin.name}`} />
        ))}
        {expansionNames.map((name) => (
          <VariableChip key={name} name={name} title="Expansion variable: each value makes its own prompts" onInsert={insert} testId={`insert-variable-${index}-${name}`} />
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
        builtin ? "border-info/25 bg-info/5 text-info" : "border-border bg-muted text-foreground",
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
