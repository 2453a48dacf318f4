// The live planned count, from the same pure expansion the server plans with,
// so the number shown before saving is the number a run will plan.
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { countCombinations, DEFAULT_MAX_PROMPTS, type ExpansionConfig } from "@/lib/prompts";
import { draftVariables, splitList, type DesignDraft } from "./design-draft";

export type PlanSummary = {
  prompts: number;
  uncappedPrompts: number;
  capped: boolean;
  labels: number;
  languages: number;
  models: number;
  /** null while the typed value is not a whole number from 1 to 100. */
  samplesPerPrompt: number | null;
  rows: number | null;
};

type PlanInput = {
  templates: readonly string[];
  variables: Record<string, readonly string[]>;
  expansion: ExpansionConfig;
  labels: number;
  languages: number;
  models: number;
  samplesPerPrompt: number | null;
};

/** Mirrors expandPrompts: a combinatorial expansion is capped, a random one draws `count` (distinct unless duplicates are allowed). */
function promptCount(total: number, expansion: ExpansionConfig): number {
  if (expansion.mode === "combinatorial") return Math.min(total, expansion.maxPrompts ?? DEFAULT_MAX_PROMPTS);
  if (total === 0) return 0;
  return expansion.allowDuplicates ? expansion.count : Math.min(expansion.count, total);
}

export function summarizePlan(input: PlanInput): PlanSummary {
  const { total } = countCombinations({ templates: input.templates, variables: input.variables });
  const prompts = promptCount(total, input.expansion);
  const { labels, languages, models, samplesPerPrompt } = input;
  return {
    prompts,
    uncappedPrompts: total,
    capped: input.expansion.mode === "combinatorial" && total > prompts,
    labels,
    languages,
    models,
    samplesPerPrompt,
    rows: samplesPerPrompt === null ? null : prompts * labels * languages * models * samplesPerPrompt,
  };
}

export function summarizeDraftPlan(draft: DesignDraft): PlanSummary {
  const raw = draft.samplesPerPrompt.trim();
  const samples = Number(raw);
  return summarizePlan({
    templates: draft.templates,
    variables: draftVariables(draft.variables),
    expansion: { mode: "combinatorial" },
    labels: draft.labels.length,
    languages: splitList(draft.languages).length,
    models: 1,
    samplesPerPrompt: raw !== "" && Number.isInteger(samples) && samples >= 1 && samples <= 100 ? samples : null,
  });
}

export function summarizeDesignPlan(design: Extract<DatasetDesign, { type: "classification" }>): PlanSummary {
  return summarizePlan({
    templates: design.templates,
    variables: design.variables,
    expansion: design.expansion,
    labels: design.labels.length,
    languages: design.languages.length,
    models: design.models.length,
    samplesPerPrompt: design.samplesPerPrompt,
  });
}
