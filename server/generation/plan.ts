// Planning: a design becomes its work items up front, so the row count (and
// later the cost estimate) is known before launch. Pure apart from hashing.
import { createHash } from "node:crypto";
import { expandPrompts, renderTemplate } from "@/lib/prompts";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { languageName } from "@/lib/designs/languages";
import type { ModelRef } from "@/server/llm/model-ref";
import type { WorkItemPayload } from "./payload";

export type PlannedItem = { key: string; ordinal: number; expectedRows: number; payload: WorkItemPayload };

export type Plan = {
  items: PlannedItem[];
  plannedRows: number;
  /** Factors of the count, for the "why this many" breakdown. */
  factors: { prompts: number; labels: number; languages: number; models: number; samplesPerPrompt: number };
  capped: boolean;
  uncappedPrompts: number;
};

/** Canonical JSON: object keys sorted, so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A work item's key: a hash of everything that shapes its prompt and call. */
export function workItemKey(parts: { type: string; prompt: string; language: string; label: string; samples: number; model: Pick<ModelRef, "kind" | "baseURL" | "model" | "parameters">; replicate: number }): string {
  const { kind, baseURL, model, parameters } = parts.model;
  return createHash("sha256")
    .update(canonical({ ...parts, model: { kind, baseURL, model, parameters } }))
    .digest("hex");
}

export function planRun(design: DatasetDesign, models: ModelRef[]): Plan {
  const expansion = expandPrompts({ templates: design.templates, variables: design.variables, expansion: design.expansion });
  const items: PlannedItem[] = [];
  const seen = new Map<string, number>();
  for (const expanded of expansion.prompts) {
    const template = design.templates[expanded.templateIndex]!;
    for (const label of design.labels) {
      for (const language of design.languages) {
        models.forEach((model, modelIndex) => {
          const prompt = renderTemplate(template, {
            ...expanded.values,
            label: label.name,
            label_description: label.description,
            language: languageName(language),
            num_samples: design.samplesPerPrompt,
          });
          const base = { type: design.type, prompt, language, label: label.name, samples: design.samplesPerPrompt, model };
          // Identical prompts (e.g. two equal templates) are separate replicates, not one item.
          const signature = workItemKey({ ...base, replicate: 0 });
          const replicate = seen.get(signature) ?? 0;
          seen.set(signature, replicate + 1);
          items.push({
            key: replicate === 0 ? signature : workItemKey({ ...base, replicate }),
            ordinal: items.length,
            expectedRows: design.samplesPerPrompt,
            payload: {
              type: "classification",
              prompt,
              templateIndex: expanded.templateIndex,
              variables: expanded.values,
              language,
              label: label.name,
              samples: design.samplesPerPrompt,
              modelIndex,
              model,
            },
          });
        });
      }
    }
  }
  return {
    items,
    plannedRows: items.reduce((sum, item) => sum + item.expectedRows, 0),
    factors: {
      prompts: expansion.prompts.length,
      labels: design.labels.length,
      languages: design.languages.length,
      models: models.length,
      samplesPerPrompt: design.samplesPerPrompt,
    },
    capped: expansion.capped,
    uncappedPrompts: expansion.total,
  };
}
