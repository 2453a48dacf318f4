"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { LabelDraft } from "./design-draft";
import { FieldIssues, issuesAt, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";

type Props = { labels: LabelDraft[]; onChange: (labels: LabelDraft[]) => void; issues: readonly FieldIssue[]; children?: React.ReactNode };

export function LabelsField({ labels, onChange, issues, children }: Props) {
  const update = (index: number, patch: Partial<LabelDraft>) => onChange(labels.map((label, i) => (i === index ? { ...label, ...patch } : label)));
  const general = issues.filter((issue) => issue.path === "labels").map((issue) => issue.message);

  return (
    <FormSection
      title="Labels"
      description="Each label gets its own prompts. The description is available to templates as {{label_description}}."
      action={
        <Button variant="outline" size="sm" data-testid="add-label" onClick={() => onChange([...labels, { name: "", description: "" }])}>
          <Plus aria-hidden /> Add label
        </Button>
      }
    >
      <div className="grid gap-3">
        <div className="hidden grid-cols-[minmax(0,1fr)_minmax(0,2fr)_2.25rem] gap-3 text-xs font-medium text-muted-foreground sm:grid">
          <span>Name</span>
          <span>Description</span>
        </div>
        {labels.map((label, index) => {
          const nameIssues = issuesAt(issues, `labels.${index}.name`);
          const descriptionIssues = issuesAt(issues, `labels.${index}.description`);
          return (
            <div key={index} className="grid gap-1">
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_2.25rem] sm:gap-3">
                <Input
                  aria-label={`Label ${index + 1} name`}
                  placeholder="billing"
                  value={label.name}
                  aria-invalid={nameIssues.length > 0 || undefined}
                  data-testid={`label-name-${index}`}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
                <Input
                  aria-label={`Label ${index + 1} description`}
                  placeholder="Questions about invoices and payments"
                  value={label.description}
                  aria-invalid={descriptionIssues.length > 0 || undefined}
                  data-testid={`label-description-${index}`}
                  onChange={(event) => update(index, { description: event.target.value })}
                />
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove label ${index + 1}`}
                  data-testid={`remove-label-${index}`}
                  disabled={labels.length === 1}
                  onClick={() => onChange(labels.filter((_, i) => i !== index))}
                >
                  <Trash2 aria-hidden />
                </Button>
              </div>
              <FieldIssues messages={[...nameIssues, ...descriptionIssues]} />
            </div>
          );
        })}
        <FieldIssues messages={general} />
        {children}
      </div>
    </FormSection>
  );
}
