"use client";

import { SourceField } from "@/components/sources/source-field";
import type { SourceRefInput } from "@/lib/sources/source-ref";
import { FieldIssues, issuesAt } from "../form-issues";
import { FormSection } from "../section";
import type { TypeFieldsProps } from "./props";

/** The design's source (mcq, transform): picker plus its problems. */
export function SourceSection({ title, description, fields, onChange, issues }: TypeFieldsProps & { title: string; description: string }) {
  return (
    <FormSection title={title} description={description}>
      <div className="grid gap-2">
        <SourceField value={fields.source as SourceRefInput | undefined} onChange={(source) => onChange({ source })} />
        <FieldIssues messages={issuesAt(issues, "source")} />
      </div>
    </FormSection>
  );
}
