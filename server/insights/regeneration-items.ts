// Regeneration as work items: a replaced row's new version comes from its own
// work item's payload, asked for one sample, with the person's extra instruction
// appended. Pure: the caller loads the rows, their items and their run's design.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { languageName } from "@/lib/designs/languages";
import { parseTemplate, renderTemplate, type TemplateValues } from "@/lib/prompts";
import type { WorkItemPayload } from "@/server/generation/payload";
import type { PlannedItem } from "@/server/generation/plan";
import { engineOfDesign } from "@/server/generation/types";

/** How an instruction is appended to a prompt (and recognised when a regenerated row is regenerated again). */
export function withInstruction(prompt: string, instruction: string | undefined): string {
  return instruction ? `${prompt}\n\nAdditional instruction: ${instruction}` : prompt;
}

/** The prompt an item was planned with, before any earlier regeneration's instruction. */
function basePrompt(payload: WorkItemPayload): string {
  const suffix = withInstruction("", payload.instruction);
  return payload.instruction && payload.prompt.endsWith(suffix) ? payload.prompt.slice(0, -suffix.length) : payload.prompt;
}

/** The built-in values a cell gave the template: documents and source rows carry them, other cells come from the design. */
function cellValues(design: DatasetDesign, cell: Record<string, unknown>): TemplateValues | undefined {
  if (typeof cell.document === "string") return { document: cell.document, context: typeof cell.context === "string" ? cell.context : "" };
  if ("record" in cell) return undefined;
  try {
    const key = canonicalJson(cell);
    return engineOfDesign(design).cells(design, {}).cells.find((candidate) => canonicalJson(candidate.data) === key)?.values;
  } catch {
    return undefined;
  }
}

/**
 * The item's prompt rendered for one sample ("Write 1 …" instead of "Write 5 …"), so the
 * prompt and the one-item schema agree. When the design cannot reproduce the original
 * prompt exactly (it was edited, a value is unknown), the original prompt is kept.
 */
export function promptForOneSample(design: DatasetDesign | undefined, payload: WorkItemPayload): string {
  const prompt = basePrompt(payload);
  const template = design?.templates[payload.templateIndex];
  if (!design || template === undefined || payload.samples === 1) return prompt;
  if (!parseTemplate(template).variables.some((ref) => ref.name === "num_samples")) return prompt;
  const values = cellValues(design, payload.cell);
  if (!values) return prompt;
  const base = { ...payload.variables, ...values, language: languageName(payload.language) };
  try {
    if (renderTemplate(template, { ...base, num_samples: payload.samples }) !== prompt) return prompt;
    return renderTemplate(template, { ...base, num_samples: 1 });
  } catch {
    return prompt;
  }
}

export type RegenerationSource = { rowId: string; key: string; payload: WorkItemPayload; design: DatasetDesign | undefined };

/** One work item per replaced row: its own item's payload, one sample, the instruction appended, and the row it replaces. */
export function regenerationItems(sources: readonly RegenerationSource[], instruction: string | undefined): PlannedItem[] {
  return sources.map((source, ordinal) => {
    const prompt = withInstruction(promptForOneSample(source.design, source.payload), instruction);
    const key = createHash("sha256").update(canonicalJson({ regenerates: source.rowId, from: source.key, prompt })).digest("hex");
    const payload: WorkItemPayload = {
      ...source.payload,
      prompt,
      samples: 1,
      replacesRowId: source.rowId,
      instruction,
      seed: Number.parseInt(key.slice(0, 8), 16),
    };
    return { key, ordinal, expectedRows: 1, payload };
  });
}
