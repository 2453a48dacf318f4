import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { ProviderAdapter } from "./types";

export const openaiCompatibleAdapter: ProviderAdapter = {
  keyRequired: false,
  keyEnvExample: "OPENAI_API_KEY",
  nativeMechanism: "response_format json_schema (strict) when structuredOutputs is on",
  build: ({ baseURL, apiKey, model, mode, fetch }) =>
    createOpenAICompatible({
      name: "openai-compatible",
      // The registry refuses an openai_compatible ref without a baseURL before building.
      baseURL: baseURL ?? "",
      apiKey,
      // Off in prompt mode so a caller that still asks for an object gets json_object, not a rejected json_schema.
      supportsStructuredOutputs: mode === "native",
      includeUsage: true,
      fetch,
    }).chatModel(model),
};
