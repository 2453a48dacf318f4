// What the registry needs from each provider kind: how to build its AI SDK
// model, whether it needs a key, and how reasoning effort reaches it.
import type { generateText, LanguageModel } from "ai";
import type { ModelRef } from "../model-ref";

export type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]["providerOptions"]>;

/** "native": the provider's JSON-schema mode; "prompt": the schema is written into the system prompt. */
export type StructuredMode = "native" | "prompt";

export type ReasoningLevel = NonNullable<ModelRef["parameters"]["reasoningEffort"]>;

/** `fetch`: the registry passes providerFetch (http-fetch.ts); provider batches pass one that records the request instead of sending it. */
export type BuildInput = { baseURL?: string; apiKey?: string; model: string; mode: StructuredMode; fetch?: typeof globalThis.fetch };

/** Per-call settings beyond the prompt: sampling, reasoning, and provider-specific options. */
export type CallSettings = {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  /** AI SDK 7's provider-neutral reasoning level; each provider package maps it (effort, thinking budget, think flag). */
  reasoning?: ReasoningLevel;
  providerOptions?: ProviderOptions;
};

export type ProviderAdapter = {
  /** Hosted APIs refuse calls without a key; local and generic servers often need none. */
  keyRequired: boolean;
  /** The variable the provider's own docs use, suggested when a key is missing. */
  keyEnvExample: string;
  /** What the provider uses for structured output in native mode (for logs and docs). */
  nativeMechanism: string;
  build(input: BuildInput): LanguageModel;
  /** Defaults to passing the parameters through and `reasoning` as the SDK's top-level option. */
  settings?(parameters: ModelRef["parameters"]): CallSettings;
};

export function defaultSettings(parameters: ModelRef["parameters"]): CallSettings {
  return {
    temperature: parameters.temperature,
    topP: parameters.topP,
    maxOutputTokens: parameters.maxOutputTokens,
    reasoning: parameters.reasoningEffort,
  };
}
