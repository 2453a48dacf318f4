// A batch request is the body the online call would send: the same provider
// package builds it (response_format json_schema for OpenAI; output_config or a
// forced "json" tool for Anthropic; parameters mapped the same way), with a
// fetch that records the request instead of sending it.
import type { z } from "zod";
import type { ModelRef } from "../model-ref";
import { providerAdapters } from "../providers";
import { callSettingsFor } from "../registry";
import { callOnce } from "../structured";
import type { BatchRequest } from "./types";

/** Headers that change what a request means (betas); the rest (auth, user agent) belong to the batch call. */
const KEPT_HEADERS = ["anthropic-beta"];

class Captured extends Error {
  constructor(readonly request: { body: Record<string, unknown>; headers: Record<string, string> }) {
    super("request captured, not sent");
  }
}

const capture: typeof fetch = async (_input, init) => {
  const headers = new Headers(init?.headers);
  const kept = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)!]] : [])));
  throw new Captured({ body: JSON.parse(String(init?.body)) as Record<string, unknown>, headers: kept });
};

export async function batchRequestOf(ref: ModelRef, customId: string, call: { system?: string; prompt: string; schema: z.ZodType }): Promise<BatchRequest> {
  // Nothing is sent, so no key is needed; the package only insists on having one.
  const model = providerAdapters[ref.kind].build({ baseURL: ref.baseURL, apiKey: "unused", model: ref.model, mode: "native", fetch: capture });
  try {
    await callOnce({ model, modelName: ref.model, baseURL: ref.baseURL ?? ref.kind, schema: call.schema, system: call.system, prompt: call.prompt, timeoutMs: 60_000, ...callSettingsFor(ref) }, "native", [
      { role: "user", content: call.prompt },
    ]);
  } catch (error) {
    const captured = findCaptured(error);
    if (captured) return { customId, ...captured.request };
    throw error;
  }
  throw new Error(`The ${ref.kind} provider package answered without making a request; cannot build a batch request for ${ref.model}.`);
}

/** The package may wrap what fetch threw (as an API call error's cause). */
function findCaptured(error: unknown): Captured | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof Captured) return current;
  }
  return undefined;
}
