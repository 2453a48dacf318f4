import { createMistral } from "@ai-sdk/mistral";
import { defaultSettings, type ProviderAdapter } from "./types";

export const mistralAdapter: ProviderAdapter = {
  keyRequired: true,
  keyEnvExample: "MISTRAL_API_KEY",
  nativeMechanism: "response_format json_schema (strict)",
  build: ({ baseURL, apiKey, model, fetch }) => createMistral({ baseURL, apiKey, fetch })(model),
  settings(parameters) {
    // The package sends json_schema with strict: false by default; strict makes Mistral constrain decoding.
    return { ...defaultSettings(parameters), providerOptions: { mistral: { strictJsonSchema: true } } };
  },
};
