// Before launch: calls, tokens and dollars of a planned run. Measured preview
// usage is the better basis when the user has run a preview of this design;
// otherwise tokens are guessed from the prompt length and samples asked for.
import type { Plan } from "./plan";
import { engineFor } from "./types";
import { SYSTEM_PROMPT } from "./types/engine";

export type UsageSample = { calls: number; rows: number; inputTokens: number; outputTokens: number };

export type Estimate = {
  basis: "preview" | "template";
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** null when no model of the plan has a known price. */
  costUsd: number | null;
  /** Models whose price is unknown: their tokens are not in costUsd. */
  unpricedModels: string[];
  byModel: { model: string; calls: number; inputTokens: number; outputTokens: number; costUsd: number | null }[];
};

/** Rough tokens of English text: ~4 characters per token. */
const tokensOf = (chars: number) => Math.ceil(chars / 4);
/** The JSON schema and message framing each structured call adds. */
const CALL_OVERHEAD_TOKENS = 60;
/** A short generated text with its JSON quoting, when nothing was measured. */
const GUESSED_TOKENS_PER_ROW = 60;
/** An intermediate step's answer (a reply, a rewrite, a verdict), when nothing was measured. */
const GUESSED_TOKENS_PER_EXTRA_CALL = 150;

type PriceLookup = (model: string, override?: { inputPerMillion: number; outputPerMillion: number }) => Promise<{ inputPerMillion: number; outputPerMillion: number } | undefined>;

export async function estimateRun(plan: Plan, lookupPrice: PriceLookup, sample?: UsageSample): Promise<Estimate> {
  const measured = sample && sample.calls > 0 && sample.rows > 0 ? sample : undefined;
  const perModel = new Map<string, { calls: number; inputTokens: number; outputTokens: number; pricing?: { inputPerMillion: number; outputPerMillion: number } }>();
  for (const item of plan.items) {
    const { model } = item.payload;
    // Steps of other roles (rejected responses, the judge) are counted on the item's model: an estimate.
    const calls = engineFor(item.payload.type).callsPerItem(item.payload);
    const entry = perModel.get(model.model) ?? { calls: 0, inputTokens: 0, outputTokens: 0, pricing: model.pricing };
    entry.calls += calls;
    entry.inputTokens += Math.round(calls * (measured
      ? measured.inputTokens / measured.calls
      : tokensOf(SYSTEM_PROMPT.length + item.payload.prompt.length) + CALL_OVERHEAD_TOKENS));
    entry.outputTokens += measured
      ? item.expectedRows * (measured.outputTokens / measured.rows)
      : item.expectedRows * GUESSED_TOKENS_PER_ROW + (calls - 1) * GUESSED_TOKENS_PER_EXTRA_CALL;
    perModel.set(model.model, entry);
  }
  const byModel: Estimate["byModel"] = [];
  const unpricedModels: string[] = [];
  const modelCalls = roundKeepingTotal([...perModel.values()].map((entry) => entry.calls));
  let index = 0;
  let cost = 0;
  let priced = false;
  for (const [model, entry] of perModel) {
    const price = await lookupPrice(model, entry.pricing);
    const outputTokens = Math.round(entry.outputTokens);
    const modelCost = price ? (entry.inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000 : null;
    if (modelCost === null) unpricedModels.push(model);
    else {
      cost += modelCost;
      priced = true;
    }
    byModel.push({ model, calls: modelCalls[index++]!, inputTokens: entry.inputTokens, outputTokens, costUsd: modelCost });
  }
  return {
    basis: measured ? "preview" : "template",
    calls: byModel.reduce((sum, model) => sum + model.calls, 0),
    inputTokens: byModel.reduce((sum, model) => sum + model.inputTokens, 0),
    outputTokens: byModel.reduce((sum, model) => sum + model.outputTokens, 0),
    costUsd: priced ? cost : null,
    unpricedModels,
    byModel,
  };
}

/**
 * Whole numbers for expected values (a conversation's calls are an expectation over its coin):
 * each rounded down, then the largest remainders up, so they add up to the rounded total.
 */
export function roundKeepingTotal(values: number[]): number[] {
  const floors = values.map(Math.floor);
  let missing = Math.round(values.reduce((sum, value) => sum + value, 0)) - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = values.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index]! += 1;
    missing--;
  }
  return floors;
}
