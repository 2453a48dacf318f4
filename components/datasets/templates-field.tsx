"use client";

import { Plus } from "lucide-react";
import type { BuiltinVariable, ValidationResult } from "@/lib/prompts";
import { Button } from "@/components/ui/button";
import { FieldIssues, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";
import { TemplateEditor } from "./template-editor";

type Props = {
  templates: string[];
  onChange: (templates: string[]) => void;
  validation: ValidationResult;
  builtins: readonly BuiltinVariable[];
  expansionNames: readonly string[];
  issues: readonly FieldIssue[];
};

export function TemplatesField({ templates, onChange, validation, builtins, expansionNames, issues }: Props) {
  const general = [...validation.general.map((d) => d.message), ...issues.filter((issue) => issue.path === "templates").map((issue) => issue.message)];
  return (
    <FormSection
      title="Templates"
      description="Each template becomes prompts: one per label, language and combination of expansion variable values."
      action={
        <Button variant="outline" size="sm" data-testid="add-template" onClick={() => onChange([...templates, ""])}>
          <Plus aria-hidden /> Add template
        </Button>
      }
    >
      {templates.map((template, index) => (
        <TemplateEditor
          key={index}
          index={index}
          value={template}
          onChange={(value) => onChange(templates.map((t, i) => (i === index ? value : t)))}
          onRemove={templates.length > 1 ? () => onChange(templates.filter((_, i) => i !== index)) : undefined}
          diagnostics={validation.templates[index]?.diagnostics ?? []}
          builtins={builtins}
          expansionNames={expansionNames}
        />
      ))}
      <FieldIssues messages={general} />
    </FormSection>
  );
}
