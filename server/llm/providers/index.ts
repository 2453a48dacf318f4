import type { ProviderKindName } from "../model-ref";
import { anthropicAdapter } from "./anthropic";
import { googleAdapter } from "./google";
import { mistralAdapter } from "./mistral";
import { ollamaAdapter } from "./ollama";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { openrouterAdapter } from "./openrouter";
import type { ProviderAdapter } from "./types";

export const providerAdapters: Record<ProviderKindName, ProviderAdapter> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  google: googleAdapter,
  mistral: mistralAdapter,
  openrouter: openrouterAdapter,
  ollama: ollamaAdapter,
  openai_compatible: openaiCompatibleAdapter,
};

export { defaultSettings, type CallSettings, type ProviderAdapter, type StructuredMode } from "./types";
