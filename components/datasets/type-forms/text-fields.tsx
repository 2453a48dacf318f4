"use client";

import { issuesAt } from "../form-issues";
import { FormSection } from "../section";
import { ListField } from "./list-field";
import { strings, type TypeFieldsProps } from "./props";

export function TextFields({ fields, onChange, issues }: TypeFieldsProps) {
  return (
    <FormSection title="Document types and topics" description="Every document type is combined with every topic: {{document_type}} and {{topic}} in the template.">
      <div className="grid gap-4 sm:grid-cols-2">
        <ListField id="document-types" label="Document types" values={strings(fields.documentTypes)} onChange={(documentTypes) => onChange({ documentTypes })} issues={issuesAt(issues, "documentTypes")} placeholder="product review" />
        <ListField id="topics" label="Topics" values={strings(fields.topics)} onChange={(topics) => onChange({ topics })} issues={issuesAt(issues, "topics")} placeholder="wireless headphones" />
      </div>
    </FormSection>
  );
}
