// What a reviewer may change in a row, and whether a change keeps the row valid.
// Used by the server (the authority) and by the focus view (to say so before saving).
// An edit stores only the fields it changes; the row keeps the original.
import { z } from "zod";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { rowSchemas } from "@/lib/dataset-types/row-schemas";

export type FieldIssue = { path: string; message: string };

type OutputFieldInfo = { name: string; type: "string" | "number" | "boolean" | "enum"; values?: string[] };
export type ReviewDesignInfo = {
  labels: { name: string; description: string }[];
  multiLabel: boolean;
  /** Transform: the design's output fields (the only fields a reviewer edits there). */
  outputFields: OutputFieldInfo[];
};

const designInfoSchema = z.object({
  labels: z.array(z.object({ name: z.string(), description: z.string().optional().default("") })).optional().catch(undefined),
  multiLabel: z.boolean().optional().catch(undefined),
  outputFields: z.array(z.object({ name: z.string(), type: z.enum(["string", "number", "boolean", "enum"]), values: z.array(z.string()).optional() })).optional().catch(undefined),
});

/** The parts of a stored design that review needs; a design without them yields none. */
export function reviewDesignInfo(design: unknown): ReviewDesignInfo {
  const parsed = designInfoSchema.safeParse(design);
  const info = parsed.success ? parsed.data : {};
  return { labels: info.labels ?? [], multiLabel: info.multiLabel ?? false, outputFields: info.outputFields ?? [] };
}

const EDITABLE: Record<Exclude<DatasetTypeName, "transform">, string[]> = {
  classification: ["text"],
  text: ["text"],
  conversation: ["messages"],
  mcq: ["instruction", "answer", "distractors"],
  preference: ["instruction", "chosen", "rejected"],
  reasoning: ["instruction", "reasoning", "answer"],
};

/** The generated text fields of a type; labels, languages, models and scores are not edited as text. */
export function editableFieldNames(type: DatasetTypeName, info: Pick<ReviewDesignInfo, "outputFields">): string[] {
  return type === "transform" ? info.outputFields.map((field) => field.name) : EDITABLE[type];
}

/** `messages.2.content` → `messages[2].content`: how a field is named in messages. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small" && issue.origin === "string") return "cannot be empty";
  if (issue.code === "invalid_type") return `must be a ${issue.expected}`;
  return issue.message;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function transformIssues(fields: OutputFieldInfo[], edited: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    if (!(field.name in edited)) continue;
    const value = edited[field.name];
    const ok =
      field.type === "string" ? typeof value === "string" && value.trim() !== ""
      : field.type === "number" ? typeof value === "number" && Number.isFinite(value)
      : field.type === "boolean" ? typeof value === "boolean"
      : typeof value === "string" && (field.values ?? []).includes(value);
    if (!ok) {
      const expected = field.type === "string" ? "a non-empty text" : field.type === "enum" ? `one of ${(field.values ?? []).join(", ")}` : `a ${field.type}`;
      issues.push({ path: field.name, message: `must be ${expected}` });
    }
  }
  return issues;
}

/** A conversation edit changes what was said, never who said it or how many turns there are. */
function messageShapeIssues(original: unknown, edited: unknown): FieldIssue[] {
  if (!Array.isArray(original) || !Array.isArray(edited)) return [];
  if (original.length !== edited.length) return [{ path: "messages", message: `must keep its ${original.length} messages (edit their contents only)` }];
  return edited.flatMap((message, index) => {
    const role = (original[index] as { role?: unknown } | undefined)?.role;
    return (message as { role?: unknown } | null)?.role === role ? [] : [{ path: `messages[${index}].role`, message: `must stay "${String(role)}" (edit the content only)` }];
  });
}

export type RowEditResult = { editedData: Record<string, unknown> | null; issues: FieldIssue[] };

/**
 * Checks an edit against the type's row schema (the row as it would be exported)
 * and returns only the fields that differ from the original, or null when none do.
 */
export function validateRowEdit(type: DatasetTypeName, original: Record<string, unknown>, edited: Record<string, unknown>, info: ReviewDesignInfo): RowEditResult {
  const allowed = editableFieldNames(type, info);
  const unknown = Object.keys(edited).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const list = allowed.length ? allowed.join(", ") : "none";
    return { editedData: null, issues: unknown.map((name) => ({ path: name, message: `is not an editable field of a ${type} row (editable: ${list})` })) };
  }
  const merged = { ...original, ...edited };
  const issues: FieldIssue[] = [];
  if (type === "transform") issues.push(...transformIssues(info.outputFields, edited));
  else {
    const schema = rowSchemas[type];
    const toIssue = (issue: z.core.$ZodIssue): FieldIssue => ({ path: fieldPath(issue.path), message: issueMessage(issue) });
    // Problems the original row already had are the generation's, not this edit's (an
    // edited answer that equals a distractor is this edit's, though it names the distractor).
    const before = new Set((schema.safeParse(original).error?.issues ?? []).map((issue) => JSON.stringify(toIssue(issue))));
    for (const issue of schema.safeParse(merged).error?.issues ?? []) if (!before.has(JSON.stringify(toIssue(issue)))) issues.push(toIssue(issue));
  }
  if (type === "conversation" && "messages" in edited) issues.push(...messageShapeIssues(original.messages, edited.messages));
  if (issues.length > 0) return { editedData: null, issues };
  const changed = Object.fromEntries(Object.entries(edited).filter(([name, value]) => !sameValue(value, original[name])));
  return { editedData: Object.keys(changed).length > 0 ? changed : null, issues: [] };
}

/** One line naming each bad field: what an error message says. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path} ${issue.message}`).join("; ");
}

/**
 * A reviewer's labels. Classification: names from the design, one unless it is
 * multi-label. Other types: free tags. Duplicates collapse; [] clears them.
 */
export function validateReviewLabels(type: DatasetTypeName, labels: readonly string[], info: ReviewDesignInfo): { labels: string[]; issues: FieldIssue[] } {
  const unique = [...new Set(labels.map((label) => label.trim()).filter(Boolean))];
  if (type !== "classification") return { labels: unique, issues: [] };
  const names = info.labels.map((label) => label.name);
  const issues: FieldIssue[] = unique
    .filter((label) => !names.includes(label))
    .map((label) => ({ path: "labels", message: `"${label}" is not a label of this dataset (its labels: ${names.join(", ") || "none"})` }));
  if (!info.multiLabel && unique.length > 1) issues.push({ path: "labels", message: "this dataset is single-label: choose one label" });
  return { labels: unique, issues };
}
