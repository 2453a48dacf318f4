import { createOllama } from "ollama-ai-provider-v2";
import { defaultSettings, type ProviderAdapter } from "./types";

/** Ollama's native API lives under /api; people often paste the bare server address. */
export function ollamaBaseURL(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined) return undefined;
  const trimmed = baseURL.replace(/\/+$/, "");
  return trimmed.endsWith("/api") ? trimmed : `${trimmed}/api`;
}

export const ollamaAdapter: ProviderAdapter = {
  keyRequired: false,
  keyEnvExample: "OLLAMA_API_KEY",
  nativeMechanism: "format: <JSON schema>",
  build: ({ baseURL, apiKey, model, fetch }) =>
    // A key only matters for an Ollama behind an authenticating proxy (or Ollama's cloud).
    createOllama({ baseURL: ollamaBaseURL(baseURL), headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined, fetch })(model),
  settings(parameters) {
    const options = { temperature: parameters.temperature, top_p: parameters.topP, num_predict: parameters.maxOutputTokens };
    return {
      ...defaultSettings(parameters),
      // Ollama reads sampling from `options`; the package also sends them top-level, where Ollama ignores them.
      providerOptions: Object.values(options).some((value) => value !== undefined) ? { ollama: { options } } : undefined,
    };
  },
};
