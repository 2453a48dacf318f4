"use client";

import { Plus, Trash2 } from "lucide-react";
import { outputFieldTypes, type OutputFieldType } from "@/lib/dataset-types/transform";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldIssues, issuesAt } from "../form-issues";
import { FormSection } from "../section";
import type { TypeFieldsProps } from "./props";
import { SourceSection } from "./source-section";

type OutputFieldDraft = { name: string; type: OutputFieldType; description?: string; values?: string[] };

export function TransformFields({ fields, onChange, issues }: TypeFieldsProps) {
  const outputs = (fields.outputFields ?? []) as OutputFieldDraft[];
  const setOutputs = (next: OutputFieldDraft[]) => onChange({ outputFields: next });
  const update = (index: number, patch: Partial<OutputFieldDraft>) => setOutputs(outputs.map((field, i) => (i === index ? { ...field, ...patch } : field)));
  return (
    <>
      <SourceSection title="Source rows" description="One prompt per row; every column is a template variable, e.g. {{review}}." fields={fields} onChange={onChange} issues={issues} />
      <FormSection
        title="Output fields"
        description="What the model returns for each row; each becomes a column next to the row's own."
        action={
          <Button variant="outline" size="sm" data-testid="add-output-field" onClick={() => setOutputs([...outputs, { name: "", type: "string", description: "" }])}>
            <Plus aria-hidden /> Add field
          </Button>
        }
      >
        <div className="grid gap-3">
          {outputs.map((field, index) => (
            <div key={index} className="grid gap-1">
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,2fr)_2.25rem] sm:gap-3">
                <Input aria-label={`Output field ${index + 1} name`} data-testid={`output-name-${index}`} placeholder="sentiment" value={field.name} onChange={(event) => update(index, { name: event.target.value })} />
                <select
                  aria-label={`Output field ${index + 1} type`}
                  data-testid={`output-type-${index}`}
                  className="h-9 rounded-md border border-input bg-card px-2 text-sm"
                  value={field.type}
                  onChange={(event) => {
                    const type = event.target.value as OutputFieldType;
                    update(index, { type, values: type === "enum" ? (field.values ?? []) : undefined });
                  }}
                >
                  {outputFieldTypes.map((type) => (
                    <option key={type} value={type}>{type}</option>
                  ))}
                </select>
                <Input aria-label={`Output field ${index + 1} description`} placeholder="the overall sentiment" value={field.description ?? ""} onChange={(event) => update(index, { description: event.target.value })} />
                <Button variant="ghost" size="icon" aria-label={`Remove output field ${index + 1}`} disabled={outputs.length === 1} onClick={() => setOutputs(outputs.filter((_, i) => i !== index))}>
                  <Trash2 aria-hidden />
                </Button>
              </div>
              {field.type === "enum" ? (
                <Input
                  aria-label={`Output field ${index + 1} values`}
                  data-testid={`output-values-${index}`}
                  placeholder="positive, negative, mixed"
                  defaultValue={(field.values ?? []).join(", ")}
                  onChange={(event) => update(index, { values: event.target.value.split(",").map((value) => value.trim()).filter((value) => value !== "") })}
                />
              ) : null}
              <FieldIssues messages={issuesAt(issues, `outputFields.${index}`)} />
            </div>
          ))}
          <FieldIssues messages={issues.filter((issue) => issue.path === "outputFields").map((issue) => issue.message)} />
        </div>
      </FormSection>
    </>
  );
}
