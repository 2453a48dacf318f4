import { z } from "zod";
import { outputFieldTypes, transformBuiltins } from "@/lib/dataset-types/transform";
import { isValidVariableName, parseTemplate, variableNames } from "@/lib/prompts";
import { sourceRefSchema } from "@/lib/sources/source-ref";
import { addBaseIssues, addDuplicateIssues, baseFields, permissiveBuiltins } from "../design-base";

export const outputFieldSchema = z
  .object({
    name: z.string().trim().refine(isValidVariableName, { error: (issue) => `output field "${String(issue.input)}" must be a name of letters, digits and underscores, starting with a letter` }),
    type: z.enum(outputFieldTypes, { error: `output field type must be one of ${outputFieldTypes.join(", ")}` }),
    description: z.string().trim().max(2000).default(""),
    /** The allowed values of an enum field. */
    values: z.array(z.string().trim().min(1)).min(2, { error: "an enum field needs at least two values" }).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === "enum" && field.values === undefined) ctx.addIssue({ code: "custom", path: ["values"], message: `enum field "${field.name}" needs its values, e.g. ["positive", "negative"]` });
    if (field.type !== "enum" && field.values !== undefined) ctx.addIssue({ code: "custom", path: ["values"], message: `values only apply to enum fields; "${field.name}" is a ${field.type}` });
  });

export type OutputField = z.infer<typeof outputFieldSchema>;

/** The columns an inline source is known to have; other origins are checked at launch. */
export function inlineColumns(source: { records?: Record<string, unknown>[] }): string[] | undefined {
  if (!source.records) return undefined;
  return [...new Set(source.records.flatMap((record) => Object.keys(record)))];
}

export const transformDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("transform"),
    source: sourceRefSchema,
    outputFields: z.array(outputFieldSchema).min(1, { error: "outputFields needs at least one field" }).max(50),
    /** One row per source row and prompt: there is nothing to ask for several of. */
    samplesPerPrompt: z.literal(1, { error: "samplesPerPrompt is always 1 for transform (one output per source row)" }).default(1),
  })
  .strict()
  .superRefine((design, ctx) => {
    addDuplicateIssues(ctx, design.outputFields.map((field) => field.name), ["outputFields"], "output field");
    const columns = inlineColumns(design.source);
    addBaseIssues(ctx, design, columns ? transformBuiltins(columns) : permissiveBuiltins(design.templates, transformBuiltins([])), "transform");
    design.templates.forEach((template, index) => {
      const used = variableNames(parseTemplate(template)).filter((name) => name !== "language" && design.variables[name] === undefined);
      if (used.length === 0 && template.trim() !== "") {
        ctx.addIssue({ code: "custom", path: ["templates", index], message: `template ${index + 1} uses no source column, so every row would get the same prompt; add one, e.g. {{${columns?.[0] ?? "text"}}}` });
      }
    });
    if (columns) addColumnClashIssues(ctx, columns, design.outputFields);
  });

export function addColumnClashIssues(ctx: z.RefinementCtx, columns: readonly string[], fields: readonly OutputField[]) {
  fields.forEach((field, index) => {
    if (columns.includes(field.name)) ctx.addIssue({ code: "custom", path: ["outputFields", index, "name"], message: `output field "${field.name}" has the name of a source column; rename it (e.g. "${field.name}_out")` });
  });
}

export type TransformDesign = z.infer<typeof transformDesignSchema>;
