// Pure: what a re-push must change so an existing Argilla dataset asks the design's
// questions. Argilla's rules (argilla-server 2.x, validators/questions.py and
// schemas/v1/questions.py): PATCH /questions/{id} may change a title, a description,
// a text question's markdown flag, and a label question's option texts, descriptions
// and order (and a multi-label question's options_order); never a question's type,
// its option values or their number, a rating or ranking question's options, or
// `required`. Fields and questions are created and deleted only before publish.
import type { ArgillaFieldCreate, ArgillaOption, ArgillaQuestionCreate, ArgillaQuestionUpdate } from "./api-types";

export type ExistingField = { name: string; required?: boolean };
export type ExistingQuestion = {
  id: string;
  name: string;
  title: string;
  description?: string | null;
  required: boolean;
  settings: { type: string; options?: { value: unknown; text?: string; description?: string | null }[]; options_order?: string; use_markdown?: boolean };
};

export type SettingsSync = {
  createFields: ArgillaFieldCreate[];
  /** Questions deleted first (a draft's outdated ones), then created again with `create`. */
  remove: { id: string; name: string }[];
  create: ArgillaQuestionCreate[];
  update: { id: string; name: string; update: ArgillaQuestionUpdate }[];
  /** What a published dataset cannot take: each names the field or question and the change. */
  problems: string[];
};

const quote = (values: readonly unknown[]) => values.map((value) => `"${String(value)}"`).join(", ");
const optionKey = (option: { value: unknown; text?: string; description?: string | null }) => JSON.stringify([option.value, option.text ?? null, option.description ?? null]);
const valuesOf = (settings: ExistingQuestion["settings"] | ArgillaQuestionCreate["settings"]) => ("options" in settings && settings.options ? settings.options.map((option) => option.value) : []);

/** Why an existing question cannot become the desired one in place, or null when it can. */
function fixedDifference(existing: ExistingQuestion, desired: ArgillaQuestionCreate): string | null {
  if (existing.settings.type !== desired.settings.type) {
    return `the question "${desired.name}" is a ${existing.settings.type} question there and this design needs a ${desired.settings.type} one`;
  }
  const before = valuesOf(existing.settings);
  const after = valuesOf(desired.settings);
  const added = after.filter((value) => !before.includes(value));
  const removed = before.filter((value) => !after.includes(value));
  if (added.length === 0 && removed.length === 0) return null;
  const change = [added.length ? `added ${quote(added)}` : "", removed.length ? `removed ${quote(removed)}` : ""].filter(Boolean).join(", ");
  return `the question "${desired.name}" has the options ${quote(before)} there and this design has ${quote(after)} (${change})`;
}

/** The PATCH that brings an existing question's changeable parts up to date, or null when nothing differs. */
function questionUpdate(existing: ExistingQuestion, desired: ArgillaQuestionCreate): ArgillaQuestionUpdate | null {
  const update: ArgillaQuestionUpdate = {};
  if (existing.title !== desired.title) update.title = desired.title;
  if ((existing.description ?? null) !== (desired.description ?? null)) update.description = desired.description ?? null;
  const settings = desired.settings;
  if (settings.type === "text" && (existing.settings.use_markdown ?? false) !== settings.use_markdown) update.settings = { type: "text", use_markdown: settings.use_markdown };
  if (settings.type === "label_selection" || settings.type === "multi_label_selection") {
    const sameOptions = (existing.settings.options ?? []).map(optionKey).join("\n") === settings.options.map(optionKey).join("\n");
    const order = settings.type === "multi_label_selection" && settings.options_order && existing.settings.options_order !== settings.options_order ? settings.options_order : undefined;
    if (!sameOptions || order) {
      const options: ArgillaOption[] = settings.options;
      update.settings = settings.type === "label_selection" ? { type: "label_selection", options } : { type: "multi_label_selection", options, ...(order ? { options_order: order } : {}) };
    }
  }
  return Object.keys(update).length > 0 ? update : null;
}

export function planSettingsSync(input: { draft: boolean; fields: ExistingField[]; questions: ExistingQuestion[]; desiredFields: ArgillaFieldCreate[]; desiredQuestions: ArgillaQuestionCreate[] }): SettingsSync {
  const plan: SettingsSync = { createFields: [], remove: [], create: [], update: [], problems: [] };
  const fields = new Map(input.fields.map((field) => [field.name, field]));
  for (const field of input.desiredFields) {
    if (fields.has(field.name)) continue;
    if (input.draft) plan.createFields.push(field);
    else plan.problems.push(`the field "${field.name}" is new in this design`);
  }
  if (!input.draft) {
    const wanted = new Set(input.desiredFields.map((field) => field.name));
    const stale = input.fields.filter((field) => field.required && !wanted.has(field.name)).map((field) => field.name);
    if (stale.length > 0) plan.problems.push(`the required field(s) ${quote(stale)} are no longer in this design`);
  }
  const questions = new Map(input.questions.map((question) => [question.name, question]));
  for (const desired of input.desiredQuestions) {
    const existing = questions.get(desired.name);
    if (!existing) {
      if (input.draft) plan.create.push(desired);
      else plan.problems.push(`the question "${desired.name}" is new in this design`);
      continue;
    }
    const fixed = fixedDifference(existing, desired);
    if (input.draft && (fixed || existing.required !== desired.required)) {
      plan.remove.push({ id: existing.id, name: existing.name });
      plan.create.push(desired);
      continue;
    }
    if (fixed) {
      plan.problems.push(fixed);
      continue;
    }
    // A published question's `required` cannot change; answers stay valid either way, so it is kept.
    const update = questionUpdate(existing, desired);
    if (update) plan.update.push({ id: existing.id, name: existing.name, update });
  }
  return plan;
}

/** `tickets-1a2b3c4d` → `tickets-1a2b3c4d-v2`, `…-v2` → `…-v3`. */
export function nextDatasetName(name: string): string {
  const match = /^(.*)-v(\d+)$/.exec(name);
  return match ? `${match[1]}-v${Number(match[2]) + 1}` : `${name.slice(0, 197)}-v2`;
}

/** The message of a re-push Argilla cannot take: what differs, the rule, and the ways out. */
export function describeSyncProblems(datasetName: string, problems: readonly string[]): string {
  return [
    `The Argilla dataset "${datasetName}" cannot follow this design any more: ${problems.join("; ")}.`,
    "Argilla keeps a published dataset's fields and questions, a question's type and its option values fixed (it can change titles, descriptions, option texts and their order only).",
    `Pull its answers first, then push to a new Argilla dataset: enter another name under "Argilla dataset" (e.g. "${nextDatasetName(datasetName)}"), push to another workspace, or delete "${datasetName}" in Argilla and push again.`,
  ].join(" ");
}
