// The live planned count, from the same pure expansion the server plans with,
// so the number shown before saving is the number a run will plan.
import { countCombinations, DEFAULT_MAX_PROMPTS } from "@/lib/prompts";
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

export function summarizeDraftPlan(draft: DesignDraft): PlanSummary {
  const { total } = countCombinations({ templates: draft.templates, variables: draftVariables(draft.variables) });
  const prompts = Math.min(total, DEFAULT_MAX_PROMPTS);
  const samples = Number(draft.samplesPerPrompt.trim());
  const samplesPerPrompt = draft.samplesPerPrompt.trim() !== "" && Number.isInteger(samples) && samples >= 1 && samples <= 100 ? samples : null;
  const labels = draft.labels.length;
  const languages = splitList(draft.languages).length;
  const models = 1;
  return {
    prompts,
    uncappedPrompts: total,
    capped: total > DEFAULT_MAX_PROMPTS,
    labels,
    languages,
    models,
    samplesPerPrompt,
    rows: samplesPerPrompt === null ? null : prompts * labels * languages * models * samplesPerPrompt,
  };
}
