// The one place that turns a model reference into an AI SDK model.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { LlmError } from "./errors";
import type { ModelRef } from "./model-ref";

const cache = new Map<string, LanguageModel>();

export function resolveApiKey(ref: ModelRef): string | undefined {
  if (!ref.apiKeyEnv) return undefined;
  const key = process.env[ref.apiKeyEnv];
  if (!key) {
    throw new LlmError({
      kind: "config",
      retryable: false,
      message: `The environment variable ${ref.apiKeyEnv} (apiKeyEnv of model ${ref.model}) is not set on the server. Export it before starting datafast, or remove apiKeyEnv for servers that need no key.`,
    });
  }
  return key;
}

export function languageModelFor(ref: ModelRef): LanguageModel {
  const apiKey = resolveApiKey(ref);
  const cacheKey = JSON.stringify([ref.kind, ref.baseURL, ref.model, ref.structuredOutputs, apiKey ?? ""]);
  let model = cache.get(cacheKey);
  if (!model) {
    const provider = createOpenAICompatible({
      name: "openai-compatible",
      baseURL: ref.baseURL ?? "",
      apiKey,
      supportsStructuredOutputs: ref.structuredOutputs,
      includeUsage: true,
    });
    model = provider.chatModel(ref.model);
    cache.set(cacheKey, model);
  }
  return model;
}
