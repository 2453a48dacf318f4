// Planning: a design becomes its work items up front, so the row count (and
// later the cost estimate) is known before launch. Pure apart from hashing:
// documents of a source are resolved by the caller.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import { expandPrompts, renderTemplate } from "@/lib/prompts";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { languageName } from "@/lib/designs/languages";
import type { SourceDocument } from "@/lib/sources/source-ref";
import type { ModelRef } from "@/server/llm/model-ref";
import type { WorkItemPayload } from "./payload";
import { engineOfDesign } from "./types";

export type PlannedItem = { key: string; ordinal: number; expectedRows: number; payload: WorkItemPayload };

export type Plan = {
  items: PlannedItem[];
  plannedRows: number;
  /** Factors of the count, for the "why this many" breakdown: prompts, the type's own, languages, models, rows per item. */
  factors: Record<string, number>;
  capped: boolean;
  uncappedPrompts: number;
};

/** Models beyond the design's list: the rejected responses' and the judge's. */
export type RoleModels = { rejected?: ModelRef; judge?: ModelRef };

export type PlanInput = { models: ModelRef[]; roles?: RoleModels; documents?: SourceDocument[] };

type ModelIdentity = Pick<ModelRef, "kind" | "baseURL" | "model" | "parameters">;
const identity = (model: ModelRef | undefined): ModelIdentity | undefined => model && { kind: model.kind, baseURL: model.baseURL, model: model.model, parameters: model.parameters };

/** A work item's key: a hash of everything that shapes its prompts and calls. */
export function workItemKey(parts: { type: string; prompt: string; language: string; cell: Record<string, unknown>; settings: Record<string, unknown>; samples: number; model: ModelRef; roles?: RoleModels; replicate: number }): string {
  const { model, roles, ...rest } = parts;
  return createHash("sha256")
    .update(canonicalJson({ ...rest, model: identity(model), rejected: identity(roles?.rejected), judge: identity(roles?.judge) }))
    .digest("hex");
}

export function planRun(design: DatasetDesign, input: PlanInput): Plan {
  const { models, roles = {}, documents } = input;
  const engine = engineOfDesign(design);
  const expansion = expandPrompts({ templates: design.templates, variables: design.variables, expansion: design.expansion });
  const { cells, factors } = engine.cells(design, { documents });
  const settings = engine.settings(design);
  const samples = design.samplesPerPrompt;
  const rowsPerItem = engine.rowsPerItem(design);
  const items: PlannedItem[] = [];
  const seen = new Map<string, number>();
  for (const expanded of expansion.prompts) {
    const template = design.templates[expanded.templateIndex]!;
    for (const cell of cells) {
      for (const language of design.languages) {
        models.forEach((model, modelIndex) => {
          const prompt = renderTemplate(template, { ...expanded.values, ...cell.values, language: languageName(language), num_samples: samples });
          const base = { type: design.type, prompt, language, cell: cell.data, settings, samples, model, roles };
          // Identical prompts (e.g. two equal templates) are separate replicates, not one item.
          const signature = workItemKey({ ...base, replicate: 0 });
          const replicate = seen.get(signature) ?? 0;
          seen.set(signature, replicate + 1);
          const key = replicate === 0 ? signature : workItemKey({ ...base, replicate });
          items.push({
            key,
            ordinal: items.length,
            expectedRows: rowsPerItem,
            payload: {
              type: design.type, prompt, templateIndex: expanded.templateIndex, variables: expanded.values, language, samples, modelIndex, model,
              cell: cell.data, settings, roles, seed: Number.parseInt(key.slice(0, 8), 16),
            },
          });
        });
      }
    }
  }
  return {
    items,
    plannedRows: items.length * rowsPerItem,
    factors: { prompts: expansion.prompts.length, ...factors, languages: design.languages.length, models: models.length, rowsPerItem },
    capped: expansion.capped,
    uncappedPrompts: expansion.total,
  };
}
