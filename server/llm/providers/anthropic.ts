import { createAnthropic } from "@ai-sdk/anthropic";
import type { ProviderAdapter } from "./types";

export const anthropicAdapter: ProviderAdapter = {
  keyRequired: true,
  keyEnvExample: "ANTHROPIC_API_KEY",
  // The package's "auto" mode: native output_config.format on models that have
  // structured outputs, otherwise a forced "json" tool whose input is the answer.
  nativeMechanism: "output_config.format, or a forced json tool on older models",
  build: ({ baseURL, apiKey, model, fetch }) => createAnthropic({ baseURL, apiKey, fetch })(model),
};
