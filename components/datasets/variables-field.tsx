"use client";

import { AlertTriangle, Plus, Trash2 } from "lucide-react";
import type { TemplateDiagnostic } from "@/lib/prompts";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { splitList, type VariableDraft } from "./design-draft";
import { FieldIssues, issuesAt, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";

type Props = {
  variables: VariableDraft[];
  onChange: (variables: VariableDraft[]) => void;
  /** Live diagnostics of the expansion variables, keyed by their `variable` name. */
  diagnostics: readonly TemplateDiagnostic[];
  issues: readonly FieldIssue[];
};

export function VariablesField({ variables, onChange, diagnostics, issues }: Props) {
  const update = (index: number, patch: Partial<VariableDraft>) => onChange(variables.map((variable, i) => (i === index ? { ...variable, ...patch } : variable)));
  const names = variables.map((variable) => variable.name.trim());

  return (
    <FormSection
      title="Expansion variables"
      description="Use {{name}} in a template; every value makes its own prompts (all combinations)."
      action={
        <Button variant="outline" size="sm" data-testid="add-variable" onClick={() => onChange([...variables, { name: "", values: "" }])}>
          <Plus aria-hidden /> Add variable
        </Button>
      }
    >
      {variables.length === 0 ? <p className="text-sm text-muted-foreground">No expansion variables. Templates use only the built-ins.</p> : null}
      {variables.map((variable, index) => {
        const name = names[index] ?? "";
        const duplicate = name !== "" && names.indexOf(name) !== index;
        const live = diagnostics.filter((d) => name !== "" && d.variable === name);
        const errors = [...(duplicate ? [`Variable "${name}" is defined twice; the last definition wins. Rename or remove one.`] : []), ...live.filter((d) => d.severity === "error").map((d) => d.message), ...(name ? issuesAt(issues, `variables.${name}`) : [])];
        const warnings = live.filter((d) => d.severity === "warning").map((d) => d.message);
        const count = splitList(variable.values).length;
        return (
          <div key={index} className="grid gap-1.5">
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_2.25rem] sm:gap-3">
              <Input
                aria-label={`Variable ${index + 1} name`}
                placeholder="tone"
                className="font-mono"
                value={variable.name}
                aria-invalid={errors.length > 0 || undefined}
                data-testid={`variable-name-${index}`}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <div className="grid gap-1">
                <Textarea
                  aria-label={`Variable ${index + 1} values`}
                  placeholder="angry, polite"
                  className="field-sizing-content min-h-9 resize-none py-1.5"
                  rows={1}
                  value={variable.values}
                  data-testid={`variable-values-${index}`}
                  onChange={(event) => update(index, { values: event.target.value })}
                />
                <span className="text-xs text-muted-foreground">
                  {count} value{count === 1 ? "" : "s"} · separate with commas or new lines
                </span>
              </div>
              <Button variant="ghost" size="icon" aria-label={`Remove variable ${index + 1}`} data-testid={`remove-variable-${index}`} onClick={() => onChange(variables.filter((_, i) => i !== index))}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            <FieldIssues messages={errors} />
            {warnings.map((warning, i) => (
              <p key={i} className="flex gap-1.5 text-xs text-[oklch(0.5_0.12_70)]">
                <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />
                {warning}
              </p>
            ))}
          </div>
        );
      })}
      <FieldIssues messages={issues.filter((issue) => issue.path === "variables").map((issue) => issue.message)} />
    </FormSection>
  );
}
