"use client";

import { FormSection } from "../section";
import { Checkbox } from "./checkbox";
import { DocumentsOrTopics } from "./documents-or-topics";
import type { TypeFieldsProps } from "./props";

type Judge = { enabled?: boolean; model?: unknown };

export function ReasoningFields(props: TypeFieldsProps) {
  const judge = (props.fields.judge ?? {}) as Judge;
  return (
    <FormSection title="Problems" description="Problems come from topics or your documents; a reasoning model answers each, and its reasoning trace is kept.">
      <div className="grid gap-4">
        <DocumentsOrTopics {...props} />
        <Checkbox
          id="judge-enabled"
          label="Verify answers with a judge"
          hint={judge.model ? "With the judge model of the design file." : "The item's own model checks each answer (set judge.model in the design file for another one)."}
          checked={judge.enabled ?? false}
          onChange={(enabled) => props.onChange({ judge: { ...judge, enabled } })}
        />
      </div>
    </FormSection>
  );
}
