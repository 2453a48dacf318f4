// Pure: an Argilla response → the review it asks for. Submitted accepts the row (with
// its labels, rating and corrections), discarded rejects it; a correction that would
// make an invalid row is reported, never applied.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { describeIssues, validateReviewLabels, validateRowEdit, type ReviewDesignInfo } from "@/lib/review/row-edits";
import { CORRECTNESS, NONE_OPTION, QUESTION, RANKING_OPTIONS, type CorrectionPlan } from "./settings";

export type ResponseInput = { status: "submitted" | "discarded"; values: Record<string, unknown> };
export type CurrentReview = { status: "pending" | "accepted" | "rejected"; labels: string[]; rating: number | null; editedData: Record<string, unknown> | null };

/** What a response asks for: a status, and optionally labels, a rating and a whole new edit (all edited fields). */
export type DesiredReview = { status: "accepted" | "rejected"; labels?: string[]; rating?: number; editedData?: Record<string, unknown> | null };
export type ResponseOutcome = { ok: true; desired: DesiredReview } | { ok: false; message: string };

type Context = { type: DatasetTypeName; info: ReviewDesignInfo; corrections: CorrectionPlan[]; original: Record<string, unknown>; current: CurrentReview | null };

function parseCorrection(plan: CorrectionPlan, text: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  if (plan.parse === "number") {
    const value = Number(trimmed);
    return trimmed !== "" && Number.isFinite(value) ? { value } : { error: `${plan.key} must be a number (got "${trimmed.slice(0, 40)}")` };
  }
  if (plan.parse === "boolean") {
    if (/^(true|yes)$/i.test(trimmed)) return { value: true };
    if (/^(false|no)$/i.test(trimmed)) return { value: false };
    return { error: `${plan.key} must be true or false (got "${trimmed.slice(0, 40)}")` };
  }
  return { value: text };
}

/** The reviewer's text corrections as row edits (empty answers keep the field). */
function correctionEdits(ctx: Context, values: Record<string, unknown>): { edits: Record<string, unknown> } | { error: string } {
  const edits: Record<string, unknown> = {};
  for (const plan of ctx.corrections) {
    const text = values[plan.question];
    if (typeof text !== "string" || text.trim() === "") continue;
    const parsed = parseCorrection(plan, text);
    if ("error" in parsed) return parsed;
    edits[plan.key] = parsed.value;
  }
  return { edits };
}

function rankOf(value: unknown, option: string): number | undefined {
  if (!Array.isArray(value)) return undefined;
  const item = value.find((entry) => (entry as { value?: unknown })?.value === option) as { rank?: unknown } | undefined;
  return typeof item?.rank === "number" ? item.rank : undefined;
}

/** Type-specific answers: labels, a swapped preference pair, an incorrect reasoning answer. */
function typeAnswers(ctx: Context, values: Record<string, unknown>, edits: Record<string, unknown>): { status: DesiredReview["status"]; labels?: string[] } | { error: string } {
  if (ctx.type === "classification") {
    const raw = values[QUESTION.label];
    const labels = Array.isArray(raw) ? raw.filter((label): label is string => typeof label === "string") : typeof raw === "string" ? [raw] : [];
    if (labels.includes(NONE_OPTION)) return { status: "rejected" };
    if (labels.length === 0) return { status: "accepted" };
    const checked = validateReviewLabels(ctx.type, labels, ctx.info);
    if (checked.issues.length > 0) return { error: checked.issues.map((issue) => issue.message).join("; ") };
    return { status: "accepted", labels: checked.labels };
  }
  if (ctx.type === "preference") {
    const value = values[QUESTION.ranking];
    if (value === undefined) return { status: "accepted" };
    const chosen = rankOf(value, RANKING_OPTIONS.chosen);
    const rejected = rankOf(value, RANKING_OPTIONS.rejected);
    if (chosen === undefined || rejected === undefined) return { error: "the ranking does not rank both responses" };
    if (chosen === rejected) return { error: "the ranking is a tie; a preference pair needs one better response (rank one first, or discard the record)" };
    if (rejected < chosen) Object.assign(edits, { chosen: ctx.original.rejected, rejected: ctx.original.chosen });
    return { status: "accepted" };
  }
  if (ctx.type === "reasoning" && values[QUESTION.correctness] === CORRECTNESS.incorrect && !("answer" in edits)) return { status: "rejected" };
  return { status: "accepted" };
}

export function desiredReview(ctx: Context, response: ResponseInput): ResponseOutcome {
  if (response.status === "discarded") return { ok: true, desired: { status: "rejected" } };
  const values = response.values;
  const corrected = correctionEdits(ctx, values);
  if ("error" in corrected) return { ok: false, message: corrected.error };
  const edits = corrected.edits;
  const answers = typeAnswers(ctx, values, edits);
  if ("error" in answers) return { ok: false, message: answers.error };
  const desired: DesiredReview = { status: answers.status, ...(answers.labels ? { labels: answers.labels } : {}) };
  const rating = values[QUESTION.quality];
  if (typeof rating === "number" && Number.isInteger(rating) && rating >= 1 && rating <= 5) desired.rating = rating;
  if (Object.keys(edits).length > 0) {
    // Earlier in-app edits of other fields stay: the correction is applied on top of them.
    const merged = { ...(ctx.current?.editedData ?? {}), ...edits };
    const result = validateRowEdit(ctx.type, ctx.original, merged, ctx.info);
    if (result.issues.length > 0) return { ok: false, message: `the correction would make an invalid ${ctx.type} row: ${describeIssues(result.issues)}` };
    desired.editedData = result.editedData;
  }
  return { ok: true, desired };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The parts of the desired review that differ from the current one (nothing: the row is unchanged). */
export function reviewDifferences(current: CurrentReview | null, desired: DesiredReview) {
  const now: CurrentReview = current ?? { status: "pending", labels: [], rating: null, editedData: null };
  return {
    status: now.status !== desired.status,
    labels: desired.labels !== undefined && !sameJson([...now.labels].sort(), [...desired.labels].sort()),
    rating: desired.rating !== undefined && now.rating !== desired.rating,
    edit: desired.editedData !== undefined && !sameJson(now.editedData, desired.editedData),
  };
}

export const hasDifference = (differences: ReturnType<typeof reviewDifferences>) => Object.values(differences).some(Boolean);
