import { createOpenAI } from "@ai-sdk/openai";
import type { ProviderAdapter } from "./types";

export const openaiAdapter: ProviderAdapter = {
  keyRequired: true,
  keyEnvExample: "OPENAI_API_KEY",
  nativeMechanism: "response_format json_schema (strict)",
  // `.chat`: the Chat Completions API, which every OpenAI-style proxy also speaks
  // (the package's default is the Responses API). Strict json_schema is its default.
  build: ({ baseURL, apiKey, model, fetch }) => createOpenAI({ baseURL, apiKey, fetch }).chat(model),
};
