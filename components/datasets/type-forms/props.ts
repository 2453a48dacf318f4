import type { FieldIssue } from "../form-issues";
import type { TypeFieldsDraft } from "../design-draft";

/** What every type's own fields editor gets: its part of the draft, a patcher, and the design's problems. */
export type TypeFieldsProps = { fields: TypeFieldsDraft; onChange: (patch: TypeFieldsDraft) => void; issues: readonly FieldIssue[] };

export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
export const text = (value: unknown): string => (value === undefined || value === null ? "" : String(value));
