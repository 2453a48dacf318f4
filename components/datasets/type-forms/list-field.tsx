"use client";

import { Textarea } from "@/components/ui/textarea";
import { Field } from "../form-issues";

/** A list of short strings edited one per line (blank lines are dropped when saved). */
export function ListField({ id, label, hint, values, onChange, issues, placeholder }: { id: string; label: string; hint?: string; values: readonly string[]; onChange: (values: string[]) => void; issues: readonly string[]; placeholder?: string }) {
  return (
    <Field label={label} htmlFor={id} hint={hint ?? "One per line."} issues={issues}>
      <Textarea
        id={id}
        data-testid={id}
        rows={Math.min(8, Math.max(3, values.length + 1))}
        placeholder={placeholder}
        value={values.join("\n")}
        aria-invalid={issues.length > 0 || undefined}
        onChange={(event) => onChange(event.target.value.split("\n").map((line) => line.trimStart()))}
        onBlur={() => onChange(values.map((value) => value.trim()).filter((value) => value !== ""))}
      />
    </Field>
  );
}
