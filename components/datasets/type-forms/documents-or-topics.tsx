"use client";

import { SourceField } from "@/components/sources/source-field";
import type { SourceRefInput } from "@/lib/sources/source-ref";
import { cn } from "@/components/ui/cn";
import { issuesAt } from "../form-issues";
import { ListField } from "./list-field";
import { strings, type TypeFieldsProps } from "./props";

/** Preference and reasoning prompts come from topics or from the documents of a source. */
export function DocumentsOrTopics({ fields, onChange, issues }: TypeFieldsProps) {
  const fromDocuments = fields.source !== undefined;
  const choose = (documents: boolean) => {
    if (documents === fromDocuments) return;
    onChange(documents ? { topics: undefined, source: {} } : { source: undefined, topics: [] });
  };
  return (
    <div className="grid gap-4">
      <div role="radiogroup" aria-label="Prompts come from" className="inline-flex w-fit rounded-md border p-0.5 text-sm">
        {[
          { value: false, label: "Topics" },
          { value: true, label: "Documents" },
        ].map((option) => (
          <button
            key={option.label}
            type="button"
            role="radio"
            aria-checked={fromDocuments === option.value}
            data-testid={`prompts-from-${option.label.toLowerCase()}`}
            className={cn("rounded px-3 py-1", fromDocuments === option.value ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground")}
            onClick={() => choose(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {fromDocuments ? (
        <SourceField value={fields.source as SourceRefInput | undefined} onChange={(source) => onChange({ source })} />
      ) : (
        <ListField id="topics" label="Topics" hint="Each topic gets its own prompts: {{topic}}. One per line." values={strings(fields.topics)} onChange={(topics) => onChange({ topics })} issues={issuesAt(issues, "topics")} />
      )}
      {fromDocuments ? <p className="text-xs text-destructive">{issuesAt(issues, "source").join(" ")}</p> : null}
    </div>
  );
}
