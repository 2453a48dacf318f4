import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { defaultSettings, type ProviderAdapter } from "./types";

export const googleAdapter: ProviderAdapter = {
  keyRequired: true,
  keyEnvExample: "GOOGLE_GENERATIVE_AI_API_KEY",
  nativeMechanism: "generationConfig.responseJsonSchema",
  build: ({ baseURL, apiKey, model, fetch }) => createGoogleGenerativeAI({ baseURL, apiKey, fetch })(model),
  settings(parameters) {
    const settings = defaultSettings(parameters);
    // Gemini returns its thought summaries only when asked; a reasoning dataset keeps them.
    // The SDK merges this with the thinking level/budget it derives from `reasoning`.
    if (parameters.reasoningEffort) settings.providerOptions = { google: { thinkingConfig: { includeThoughts: true } } };
    return settings;
  },
};
