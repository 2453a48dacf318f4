// What the engine needs from a provider's batch API. Requests are the bodies
// the online call would send (request-body.ts), one per work item, with the
// work item's id as custom_id; answers come back by that id, in any order.
import type { Usage } from "../structured";

export type BatchRequest = { customId: string; body: Record<string, unknown>; headers: Record<string, string> };

export type BatchCounts = { succeeded: number; failed: number; processing: number };

/** Where a batch stands at the provider. */
export type BatchState = {
  /** As the provider words it (validating, in_progress, finalizing, completed, expired, in_progress, ended…). */
  providerStatus: string;
  /** No request will be answered any more: read the results, then fall back for the rest. */
  ended: boolean;
  counts: BatchCounts;
  /** Why the provider failed the whole batch, when it did. */
  error?: string;
  /** Where the results are: OpenAI file ids (output, errors), or Anthropic's results URL. */
  results: string[];
};

export type FinishReason = "stop" | "length" | "other";

export type BatchAnswer =
  | { customId: string; kind: "answer"; text: string; finishReason: FinishReason; usage: Usage }
  | { customId: string; kind: "error"; message: string };

export type BatchLimits = { maxRequests: number; maxBytes: number };

export interface BatchClient {
  limits: BatchLimits;
  /** A request as it travels in the batch (a JSONL line, an element of `requests`); its length counts against maxBytes. */
  encode(request: BatchRequest): string;
  /**
   * Creates the batch. `tag` (our batch id) goes with it where the provider keeps
   * metadata, so `find` can tell after a crash whether it was created.
   * `inputFileId`: an upload made by an earlier attempt (OpenAI), reused.
   */
  submit(input: { tag: string; encoded: string[]; headers: Record<string, string>; inputFileId?: string; onUploaded?(fileId: string): Promise<void> }): Promise<{ providerBatchId: string }>;
  /** The provider's batch created with `tag` since `since`, if the provider can tell (OpenAI metadata); undefined when it cannot. */
  find(tag: string, since: Date): Promise<string | undefined>;
  status(providerBatchId: string): Promise<BatchState>;
  results(state: BatchState): AsyncIterable<BatchAnswer>;
  cancel(providerBatchId: string): Promise<void>;
}
