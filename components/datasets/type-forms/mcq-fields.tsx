"use client";

import type { TypeFieldsProps } from "./props";
import { SourceSection } from "./source-section";

export function McqFields(props: TypeFieldsProps) {
  return <SourceSection title="Documents" description="Each document gets its own questions: {{document}} in the template (and {{context}} from the context column)." {...props} />;
}
