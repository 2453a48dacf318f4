// What every dataset type's design shares, and the checks they all run. Template
// problems are reported as zod issues on `templates.N` / `variables.x`, so the
// CLI, the API and the editor all show the same message.
import { z } from "zod";
import { expansionConfigSchema, parseTemplate, validateTemplates, variableNames, type BuiltinVariable } from "@/lib/prompts";
import { isLanguageCode } from "./languages";
import { checkModelParameters } from "./model-parameters";
import { isConnectionModel, modelSchema, providerKindOf, type ModelConfig } from "./model-schema";

export const nameList = (field: string, max = 500) =>
  z
    .array(z.string().trim().min(1, { error: `${field} entries must not be empty` }).max(2000))
    .min(1, { error: `${field} needs at least one entry` })
    .max(max, { error: `${field} can have at most ${max} entries` });

export const designSeed = z.number().int().min(0).max(0xffffffff).default(42);

export const baseFields = {
  name: z.string().trim().min(1, { error: "name is required" }).max(120, { error: "name must be at most 120 characters" }),
  description: z.string().max(5000).optional(),
  languages: z
    .array(z.string().refine(isLanguageCode, { error: (issue) => `"${String(issue.input)}" is not an ISO 639-1 language code; use codes such as "en", "fr", "de"` }))
    .min(1, { error: 'languages needs at least one code, e.g. ["en"]' })
    .default(["en"]),
  models: z.array(modelSchema).min(1, { error: "models needs at least one model" }),
  templates: z.array(z.string()).min(1, { error: "templates needs at least one template" }),
  variables: z.record(z.string(), z.array(z.string())).default({}),
  expansion: expansionConfigSchema.prefault({ mode: "combinatorial" }),
  samplesPerPrompt: z.number().int().min(1).max(100, { error: "samplesPerPrompt must be between 1 and 100" }).default(5),
};

/** A model for one role of a type (the rejected responses, the judge). */
export const roleModelSchema = modelSchema;

type BaseDesign = { languages: string[]; models: ModelConfig[]; templates: string[]; variables: Record<string, string[]> };

/** Checks every type runs: duplicate languages, template variables, model parameters. */
export function addBaseIssues(ctx: z.RefinementCtx, design: BaseDesign, builtins: readonly BuiltinVariable[], typeName: string, extraModels: { path: (string | number)[]; model: ModelConfig | undefined }[] = []) {
  const dupLanguages = design.languages.filter((code, index) => design.languages.indexOf(code) !== index);
  if (dupLanguages.length > 0) ctx.addIssue({ code: "custom", path: ["languages"], message: `language "${dupLanguages[0]}" is listed twice` });
  addTemplateIssues(ctx, design, builtins, typeName);
  design.models.forEach((model, index) => addModelParameterIssues(ctx, model, ["models", index]));
  for (const { path, model } of extraModels) if (model) addModelParameterIssues(ctx, model, path);
}

/** Names listed twice in a list, as issues on the repeated entry (or its `field`, for lists of objects). */
export function addDuplicateIssues(ctx: z.RefinementCtx, values: readonly string[], path: (string | number)[], what: string, field: string[] = []) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: [...path, index, ...field], message: `${what} "${value}" appears twice; ${what} names must be unique` });
    seen.add(value);
  });
}

/**
 * Parameters the model would reject, as issues on `<path>.parameters.x`.
 * Connection models are checked once their connection (and so their provider) is resolved.
 */
function addModelParameterIssues(ctx: z.RefinementCtx, model: ModelConfig, path: (string | number)[]) {
  if (isConnectionModel(model)) return;
  for (const issue of checkModelParameters(providerKindOf(model.provider), model.model, model.parameters)) {
    ctx.addIssue({ code: "custom", path: [...path, ...issue.path], message: issue.message });
  }
}

/** The built-ins as the validator should see them: with several languages, `language` is mandatory. */
export function effectiveBuiltins(builtins: readonly BuiltinVariable[], languages: readonly string[]): BuiltinVariable[] {
  // A template that never says which language would produce rows all in one
  // language but labelled as others.
  return languages.length > 1 ? builtins.map((b) => (b.name === "language" ? { ...b, mandatory: true } : b)) : [...builtins];
}

/**
 * Built-ins for templates whose variables cannot be known yet (a transform over a
 * stored source, whose columns the server checks at launch): every name used is allowed.
 */
export function permissiveBuiltins(templates: readonly string[], known: readonly BuiltinVariable[]): BuiltinVariable[] {
  const names = new Set(templates.flatMap((template) => variableNames(parseTemplate(template))));
  for (const builtin of known) names.delete(builtin.name);
  return [...known, ...[...names].map((name) => ({ name, mandatory: false, description: "a source column (checked at launch)" }))];
}

function addTemplateIssues(ctx: z.RefinementCtx, design: BaseDesign, builtins: readonly BuiltinVariable[], typeName: string) {
  const result = validateTemplates({ templates: design.templates, builtins: effectiveBuiltins(builtins, design.languages), variables: design.variables, typeName });
  for (const entry of result.templates) {
    for (const diagnostic of entry.diagnostics) {
      if (diagnostic.severity !== "error") continue;
      ctx.addIssue({ code: "custom", path: ["templates", entry.templateIndex], message: diagnostic.message });
    }
  }
  for (const diagnostic of result.variables) {
    if (diagnostic.severity !== "error") continue;
    ctx.addIssue({ code: "custom", path: diagnostic.variable ? ["variables", diagnostic.variable] : ["variables"], message: diagnostic.message });
  }
}
