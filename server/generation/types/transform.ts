// Transform: one prompt per source row, with the row's columns as variables, and
// an output of the user's named fields. A row keeps its input columns and adds
// the outputs.
import { z } from "zod";
import type { OutputField } from "@/lib/designs/design-schema";
import type { SourceRecord } from "@/lib/sources/source-ref";
import { runSingle, SYSTEM_PROMPT, type ItemInput, type RowDraft, type TypeEngine } from "./engine";
import { cached, nonEmpty } from "./lists";

type Settings = { outputFields: OutputField[] };
type Cell = { record: SourceRecord; sourceOrdinal: number };

function fieldSchema(field: OutputField): z.ZodType {
  const described = <T extends z.ZodType>(schema: T) => (field.description ? schema.describe(field.description) : schema);
  switch (field.type) {
    case "string":
      return described(nonEmpty(field.name));
    case "number":
      return described(z.number());
    case "boolean":
      return described(z.boolean());
    case "enum":
      return described(z.enum(field.values as [string, ...string[]]));
  }
}

export function transformOutputSchema(fields: readonly OutputField[]) {
  return cached(`transform:${JSON.stringify(fields)}`, () => z.object(Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]))).strict());
}

/** A record's values as template values: text as is, other values as JSON. */
export function recordValues(record: SourceRecord): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value === "string" ? value : value === null ? "" : JSON.stringify(value)]));
}

function describeFields(fields: readonly OutputField[]): string {
  return fields
    .map((field) => `- ${field.name} (${field.type === "enum" ? `one of ${field.values!.join(", ")}` : field.type})${field.description ? `: ${field.description}` : ""}`)
    .join("\n");
}

function rows(output: unknown, input: ItemInput): RowDraft[] {
  const { record } = input.cell as Cell;
  const values = output as Record<string, unknown>;
  const text = Object.values(values).filter((value): value is string => typeof value === "string").join("\n");
  return [{ data: { ...record, ...values }, text, labels: [] }];
}

export const transformEngine: TypeEngine<"transform"> = {
  type: "transform",
  cells(_design, context) {
    const documents = context.documents;
    if (!documents || documents.length === 0) throw new Error("The design's source has no rows within its length bounds; widen minLength/maxLength or choose another source.");
    return {
      cells: documents.map((doc) => ({ values: recordValues(doc.record), data: { record: doc.record, sourceOrdinal: doc.ordinal } satisfies Cell })),
      factors: { "source rows": documents.length },
    };
  },
  settings: (design) => ({ outputFields: design.outputFields }) satisfies Settings,
  rowsPerItem: () => 1,
  callsPerItem: () => 1,
  single: {
    call(input) {
      const { outputFields } = input.settings as Settings;
      return { step: "transform", system: SYSTEM_PROMPT, prompt: `${input.prompt}\n\nAnswer with these fields:\n${describeFields(outputFields)}`, schema: transformOutputSchema(outputFields) };
    },
    rows,
  },
  run(input, steps) {
    return runSingle(this as Required<typeof this>, input, steps);
  },
};
