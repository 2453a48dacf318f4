import { describe, expect, it } from "vitest";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { desiredReview, hasDifference, reviewDifferences, type CurrentReview } from "./review-changes";
import { buildArgillaSettings, NONE_OPTION } from "./settings";

function context(type: DatasetTypeName, design: object, original: Record<string, unknown>, current: CurrentReview | null = null) {
  const settings = buildArgillaSettings({ type, name: "d", design, inputColumns: Object.keys(original) });
  return { type, info: reviewDesignInfo(design), corrections: settings.corrections, original, current };
}

const classification = { labels: [{ name: "billing" }, { name: "bug" }] };
const ticket = { text: "My card was charged twice.", label: "billing", language: "en" };

describe("desiredReview", () => {
  it("discarded rejects; submitted accepts with the label and the text correction", () => {
    expect(desiredReview(context("classification", classification, ticket), { status: "discarded", values: {} })).toEqual({ ok: true, desired: { status: "rejected" } });
    expect(desiredReview(context("classification", classification, ticket), { status: "submitted", values: { label: "bug", text_correction: "The app crashed." } })).toEqual({
      ok: true,
      desired: { status: "accepted", labels: ["bug"], editedData: { text: "The app crashed." } },
    });
  });

  it("a label outside the design or the none option: reported, or a rejection", () => {
    expect(desiredReview(context("classification", classification, ticket), { status: "submitted", values: { label: "refunds" } })).toMatchObject({ ok: false, message: expect.stringMatching(/"refunds" is not a label/) });
    expect(desiredReview(context("classification", classification, ticket), { status: "submitted", values: { label: NONE_OPTION } })).toEqual({ ok: true, desired: { status: "rejected" } });
  });

  it("a correction that would make an invalid row is reported, not applied", () => {
    const mcq = { instruction: "2+2?", answer: "4", distractors: ["3", "5", "22"], source: "s", language: "en" };
    const outcome = desiredReview(context("mcq", {}, mcq), { status: "submitted", values: { quality: 4, answer_correction: "5" } });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/invalid mcq row: distractors\[1\] .*same as the answer/) });
  });

  it("rating, and corrections merged on top of earlier in-app edits", () => {
    const current: CurrentReview = { status: "pending", labels: [], rating: null, editedData: { answer: "Four" } };
    const mcq = { instruction: "2+2?", answer: "4", distractors: ["3", "5", "22"], source: "s", language: "en" };
    expect(desiredReview(context("mcq", {}, mcq, current), { status: "submitted", values: { quality: 5, instruction_correction: "What is 2+2?" } })).toEqual({
      ok: true,
      desired: { status: "accepted", rating: 5, editedData: { answer: "Four", instruction: "What is 2+2?" } },
    });
  });

  it("preference: ranking the rejected response first swaps the pair; a tie is reported", () => {
    const pair = { instruction: "i", chosen: "good", rejected: "bad", models: { chosen: "m", rejected: "m" }, scores: null, assessments: null, swapped: false, evolution: [], language: "en" };
    const swapped = desiredReview(context("preference", {}, pair), { status: "submitted", values: { ranking: [{ value: "rejected", rank: 1 }, { value: "chosen", rank: 2 }] } });
    expect(swapped).toEqual({ ok: true, desired: { status: "accepted", editedData: { chosen: "bad", rejected: "good" } } });
    const kept = desiredReview(context("preference", {}, pair), { status: "submitted", values: { ranking: [{ value: "chosen", rank: 1 }, { value: "rejected", rank: 2 }] } });
    expect(kept).toEqual({ ok: true, desired: { status: "accepted" } });
    expect(desiredReview(context("preference", {}, pair), { status: "submitted", values: { ranking: [{ value: "chosen", rank: 1 }, { value: "rejected", rank: 1 }] } })).toMatchObject({ ok: false, message: expect.stringMatching(/tie/) });
  });

  it("reasoning: incorrect without a correction rejects; with one, the answer is edited and accepted", () => {
    const problem = { instruction: "i", reasoning: "r", answer: "7", reasoning_source: "response", verified: null, verification: null, language: "en" };
    expect(desiredReview(context("reasoning", {}, problem), { status: "submitted", values: { correctness: "incorrect" } })).toEqual({ ok: true, desired: { status: "rejected" } });
    expect(desiredReview(context("reasoning", {}, problem), { status: "submitted", values: { correctness: "incorrect", answer_correction: "8" } })).toEqual({ ok: true, desired: { status: "accepted", editedData: { answer: "8" } } });
  });

  it("transform: corrections parsed as the output field's type", () => {
    const design = { outputFields: [{ name: "score", type: "number" }, { name: "urgent", type: "boolean" }] };
    const original = { body: "b", score: 2, urgent: false };
    expect(desiredReview(context("transform", design, original), { status: "submitted", values: { quality: 3, score_correction: "4.5", urgent_correction: "yes" } })).toEqual({
      ok: true,
      desired: { status: "accepted", rating: 3, editedData: { score: 4.5, urgent: true } },
    });
    expect(desiredReview(context("transform", design, original), { status: "submitted", values: { score_correction: "lots" } })).toMatchObject({ ok: false, message: expect.stringMatching(/score must be a number/) });
  });
});

describe("reviewDifferences", () => {
  it("compares only what the response sets; label order does not matter", () => {
    const current: CurrentReview = { status: "accepted", labels: ["bug", "billing"], rating: 4, editedData: null };
    expect(hasDifference(reviewDifferences(current, { status: "accepted", labels: ["billing", "bug"] }))).toBe(false);
    expect(reviewDifferences(current, { status: "rejected", rating: 2 })).toEqual({ status: true, labels: false, rating: true, edit: false });
    expect(reviewDifferences(null, { status: "accepted", editedData: { text: "x" } })).toEqual({ status: true, labels: false, rating: false, edit: true });
  });
});
