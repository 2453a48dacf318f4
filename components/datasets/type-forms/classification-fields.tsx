"use client";

import { Checkbox } from "./checkbox";
import type { TypeFieldsProps } from "./props";

export function MultiLabelField({ fields, onChange }: TypeFieldsProps) {
  return (
    <Checkbox
      id="multi-label"
      label="Multi-label"
      hint="Each text may also carry the other labels that fit it (the prompt's label always)."
      checked={fields.multiLabel === true}
      onChange={(multiLabel) => onChange({ multiLabel })}
    />
  );
}
