"use client";

import type { SourceRefInput } from "@/lib/sources/source-ref";
import { Field } from "@/components/datasets/form-issues";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { parseBound } from "./source-draft";

type Props = { value: SourceRefInput; columns: string[]; onChange: (value: SourceRefInput) => void };

/** Which column is the document, which is its context, and the length bounds. */
export function SourceColumns({ value, columns, onChange }: Props) {
  const textColumn = value.textColumn ?? "text";
  const options = columns.includes(textColumn) ? columns : [textColumn, ...columns];
  const boundsInvalid = (value.minLength ?? 1) > (value.maxLength ?? 20_000);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <Field label="Text column" htmlFor="source-text-column" hint="Each record's document" className="lg:col-span-1">
        <NativeSelect id="source-text-column" data-testid="source-text-column" value={textColumn} aria-invalid={!columns.includes(textColumn) || undefined} onChange={(event) => onChange({ ...value, textColumn: event.target.value })}>
          {options.map((column) => (
            <option key={column} value={column}>
              {columns.includes(column) ? column : `${column} (missing)`}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Context column" htmlFor="source-context-column" hint="Optional: {{context}}">
        <NativeSelect
          id="source-context-column"
          data-testid="source-context-column"
          value={value.contextColumn ?? ""}
          onChange={(event) => onChange({ ...value, contextColumn: event.target.value || undefined })}
        >
          <option value="">none</option>
          {columns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Min length" htmlFor="source-min-length" hint="Characters; shorter ones are skipped" issues={boundsInvalid ? ["above the max length"] : []}>
        <Input id="source-min-length" data-testid="source-min-length" type="number" min={0} placeholder="1" value={value.minLength ?? ""} onChange={(event) => onChange({ ...value, minLength: parseBound(event.target.value) })} />
      </Field>
      <Field label="Max length" htmlFor="source-max-length" hint="Characters; longer ones are skipped">
        <Input id="source-max-length" data-testid="source-max-length" type="number" min={0} placeholder="20000" value={value.maxLength ?? ""} onChange={(event) => onChange({ ...value, maxLength: parseBound(event.target.value) })} />
      </Field>
      <Field label="Max documents" htmlFor="source-max-documents" hint="Blank: all">
        <Input
          id="source-max-documents"
          data-testid="source-max-documents"
          type="number"
          min={1}
          value={value.maxDocuments ?? ""}
          onChange={(event) => onChange({ ...value, maxDocuments: parseBound(event.target.value) || undefined })}
        />
      </Field>
    </div>
  );
}
