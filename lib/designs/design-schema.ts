// The dataset design, as stored, sent by forms and read from design files.
// Template problems are reported as zod issues on `templates.N` / `variables.x`
// so the CLI, the API and the editor all show the same message.
import { z } from "zod";
import { expansionConfigSchema, validateTemplates } from "@/lib/prompts";
import { classificationBuiltins } from "@/lib/dataset-types/classification";
import { isLanguageCode } from "./languages";
import { checkModelParameters } from "./model-parameters";
import { isConnectionModel, modelSchema, providerKindOf, type ModelConfig } from "./model-schema";

export const labelSchema = z
  .object({
    name: z.string().trim().min(1, { error: "label name is required" }).max(100),
    description: z.string().trim().max(2000).default(""),
  })
  .strict();

const baseFields = {
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

export const classificationDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("classification"),
    labels: z.array(labelSchema).min(1, { error: "labels needs at least one label" }),
  })
  .strict()
  .superRefine((design, ctx) => {
    const seen = new Set<string>();
    design.labels.forEach((label, index) => {
      if (seen.has(label.name)) ctx.addIssue({ code: "custom", path: ["labels", index, "name"], message: `label "${label.name}" appears twice; label names must be unique` });
      seen.add(label.name);
    });
    const dupLanguages = design.languages.filter((code, index) => design.languages.indexOf(code) !== index);
    if (dupLanguages.length > 0) ctx.addIssue({ code: "custom", path: ["languages"], message: `language "${dupLanguages[0]}" is listed twice` });
    addTemplateIssues(ctx, design, classificationBuiltins, "classification");
    addModelParameterIssues(ctx, design.models);
  });

export const datasetDesignSchema = z.discriminatedUnion("type", [classificationDesignSchema], {
  error: (issue) => (issue.code === "invalid_union" ? 'type must be "classification" (more dataset types are coming)' : undefined),
});

export type ClassificationDesign = z.infer<typeof classificationDesignSchema>;
export type DatasetDesign = z.infer<typeof datasetDesignSchema>;
export type DatasetDesignInput = z.input<typeof datasetDesignSchema>;

/**
 * Parameters the model would reject, as issues on `models.N.parameters.x`.
 * Connection models are checked once their connection (and so their provider) is resolved.
 */
function addModelParameterIssues(ctx: z.RefinementCtx, models: ModelConfig[]) {
  models.forEach((model, index) => {
    if (isConnectionModel(model)) return;
    for (const issue of checkModelParameters(providerKindOf(model.provider), model.model, model.parameters)) {
      ctx.addIssue({ code: "custom", path: ["models", index, ...issue.path], message: issue.message });
    }
  });
}

type TemplateDesign = { templates: string[]; variables: Record<string, string[]>; languages: string[] };

function addTemplateIssues(ctx: z.RefinementCtx, design: TemplateDesign, builtins: typeof classificationBuiltins, typeName: string) {
  // With several languages a template that never says which one would produce
  // rows all in one language but labelled as others.
  const effective = design.languages.length > 1 ? builtins.map((b) => (b.name === "language" ? { ...b, mandatory: true } : b)) : builtins;
  const result = validateTemplates({ templates: design.templates, builtins: effective, variables: design.variables, typeName });
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
