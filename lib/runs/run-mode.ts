// How a run reaches its models: "online" calls them one work item at a time;
// "batch" hands the work items to the provider's batch API (OpenAI Batch,
// Anthropic Message Batches) and falls back to online calls for what fails.
import { z } from "zod";

export const runModes = ["online", "batch"] as const;
export const runModeSchema = z.enum(runModes, { error: 'mode must be "online" or "batch"' });
export type RunModeName = z.infer<typeof runModeSchema>;

/**
 * What a provider batch costs against the same calls online. OpenAI and
 * Anthropic both bill batch requests at 50 % of the online price (input and
 * output tokens alike); a provider that changes it needs a new constant.
 */
export const BATCH_PRICE_FACTOR = 0.5;

/** The provider kinds that have a batch API the engine speaks. */
export const batchProviderKinds = ["openai", "anthropic"] as const;

/** An estimate or price for the mode: batch requests cost BATCH_PRICE_FACTOR of online ones. */
export function costForMode<T extends number | null>(costUsd: T, mode: RunModeName): T {
  return (costUsd === null || mode === "online" ? costUsd : costUsd * BATCH_PRICE_FACTOR) as T;
}
