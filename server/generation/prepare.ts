// From a parsed design to its plan: resolve the models (and the models of other
// roles), resolve the source into documents, check what only the resolved
// source can tell (a transform's columns), then plan. Launch, the planned
// counts, the estimate and the preview all start here.
import { transformBuiltins } from "@/lib/dataset-types/transform";
import { effectiveBuiltins } from "@/lib/designs/design-base";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { validateTemplates } from "@/lib/prompts";
import type { ResolvedSource } from "@/lib/sources/source-ref";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { resolvePrice } from "@/server/llm/pricing/service";
import { resolveDesignModels } from "@/server/providers/service";
import { resolveSource } from "@/server/sources/service";
import { planRun, type Plan, type RoleModels } from "./plan";

/** `freezePrices`: a launched run keeps the prices of its launch (a later price change does not reprice it). */
export type PrepareOptions = { persist?: boolean; baseDir?: string; signal?: AbortSignal; freezePrices?: boolean };

export type Prepared = { plan: Plan; source?: ResolvedSource };

/**
 * The price the model has now, written into its reference: every process of the run then
 * costs it the same, whatever its own price cache says (unknown prices stay unknown).
 */
async function withPrice(db: PrismaClient, ref: ModelRef): Promise<ModelRef> {
  if (ref.pricing) return ref;
  const price = await resolvePrice(db, ref.model);
  return price ? { ...ref, pricing: { inputPerMillion: price.inputPerMillion, outputPerMillion: price.outputPerMillion } } : ref;
}

async function resolveRoles(db: PrismaClient, design: DatasetDesign, persist: boolean | undefined): Promise<RoleModels> {
  const roles: RoleModels = {};
  if (design.type === "preference" && design.rejectedModel) [roles.rejected] = await resolveDesignModels(db, [design.rejectedModel], { persist });
  if ((design.type === "preference" || design.type === "reasoning") && design.judge?.enabled && design.judge.model) {
    [roles.judge] = await resolveDesignModels(db, [design.judge.model], { persist });
  }
  return roles;
}

/** A transform over a stored source or a file is checked against its real columns once they are known. */
function checkTransformColumns(design: Extract<DatasetDesign, { type: "transform" }>, source: ResolvedSource) {
  const issues: { path: string; message: string }[] = [];
  const result = validateTemplates({ templates: design.templates, builtins: effectiveBuiltins(transformBuiltins(source.columns), design.languages), variables: design.variables, typeName: "transform" });
  for (const entry of result.templates) {
    for (const diagnostic of entry.diagnostics) if (diagnostic.severity === "error") issues.push({ path: `templates.${entry.templateIndex}`, message: diagnostic.message });
  }
  design.outputFields.forEach((field, index) => {
    if (source.columns.includes(field.name)) issues.push({ path: `outputFields.${index}.name`, message: `output field "${field.name}" has the name of a column of source "${source.name}"; rename it (e.g. "${field.name}_out")` });
  });
  if (issues.length > 0) {
    throw new AppError("BAD_REQUEST", `The design does not fit its source "${source.name}":\n${issues.map((issue) => `- ${issue.path}: ${issue.message}`).join("\n")}`, issues);
  }
}

export async function prepareDesign(db: PrismaClient, design: DatasetDesign, options: PrepareOptions = {}): Promise<Prepared> {
  let models = await resolveDesignModels(db, design.models, { persist: options.persist });
  let roles = await resolveRoles(db, design, options.persist);
  if (options.freezePrices) {
    models = await Promise.all(models.map((ref) => withPrice(db, ref)));
    roles = { rejected: roles.rejected && (await withPrice(db, roles.rejected)), judge: roles.judge && (await withPrice(db, roles.judge)) };
  }
  const sourceRef = "source" in design ? design.source : undefined;
  const source = sourceRef ? await resolveSource(db, sourceRef, { baseDir: options.baseDir, signal: options.signal }) : undefined;
  if (design.type === "transform" && source) checkTransformColumns(design, source);
  if (source && source.documents.length === 0) {
    const { empty, tooShort, tooLong } = source.skipped;
    throw new AppError("BAD_REQUEST", `The source "${source.name}" has no document to use: ${empty} empty, ${tooShort} shorter than minLength, ${tooLong} longer than maxLength. Widen the bounds or pick another text column.`, [{ path: "source", message: "no document within the bounds" }]);
  }
  return { plan: planRun(design, { models, roles, documents: source?.documents }), source };
}
