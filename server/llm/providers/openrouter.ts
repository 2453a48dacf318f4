import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import type { ProviderAdapter } from "./types";

export const openrouterAdapter: ProviderAdapter = {
  keyRequired: true,
  keyEnvExample: "OPENROUTER_API_KEY",
  // OpenRouter forwards json_schema to upstream providers that support it; a
  // model that rejects it answers 400 and the call falls back to prompt mode.
  nativeMechanism: "response_format json_schema (strict)",
  build: ({ baseURL, apiKey, model, fetch }) => createOpenRouter({ baseURL, apiKey, fetch }).chat(model),
  settings(parameters) {
    return {
      temperature: parameters.temperature,
      topP: parameters.topP,
      maxOutputTokens: parameters.maxOutputTokens,
      // This package ignores the SDK's top-level `reasoning`; OpenRouter's own field is merged into the body.
      providerOptions: parameters.reasoningEffort ? { openrouter: { reasoning: { effort: parameters.reasoningEffort } } } : undefined,
    };
  },
};
