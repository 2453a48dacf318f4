// The provider batch APIs the engine speaks, by connection kind.
import { kindInfo } from "@/lib/connections/schema";
import { LlmError } from "../errors";
import type { ModelRef } from "../model-ref";
import { ANTHROPIC_BATCH_LIMITS, anthropicBatchClient } from "./anthropic";
import { OPENAI_BATCH_LIMITS, openAiBatchClient } from "./openai";
import type { BatchClient, BatchLimits } from "./types";

export { batchRequestOf } from "./request-body";
export type { BatchAnswer, BatchClient, BatchLimits, BatchRequest, BatchState } from "./types";

/** Most requests and bytes one provider batch may carry; undefined for kinds without a batch API. */
export function batchLimitsOf(kind: ModelRef["kind"]): BatchLimits | undefined {
  return kind === "openai" ? OPENAI_BATCH_LIMITS : kind === "anthropic" ? ANTHROPIC_BATCH_LIMITS : undefined;
}

/** Anthropic's API version header; the Message Batches API needs no beta. */
const ANTHROPIC_VERSION = "2023-06-01";

export function batchClientFor(ref: ModelRef, apiKey: string | undefined): BatchClient {
  const baseURL = ref.baseURL ?? kindInfo[ref.kind].defaultBaseUrl ?? "";
  if (ref.kind === "openai") return openAiBatchClient({ baseURL, model: ref.model, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (ref.kind === "anthropic") return anthropicBatchClient({ baseURL, model: ref.model, headers: { "anthropic-version": ANTHROPIC_VERSION, ...(apiKey ? { "x-api-key": apiKey } : {}) } });
  throw new LlmError({ kind: "config", retryable: false, message: `${ref.kind} connections have no batch API in datafast; use an OpenAI or Anthropic connection, or run online.` });
}
