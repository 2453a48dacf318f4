// The one place that turns a model reference into an AI SDK model. Keys are
// resolved at call time (an env var named by the ref, or the connection's
// stored key through `resolveKey`), so they never travel in payloads; this
// file does not import server/providers, the caller passes the resolver.
import { createHash } from "node:crypto";
import type { LanguageModel } from "ai";
import { LlmError } from "./errors";
import { providerFetch } from "./http-fetch";
import type { ModelRef } from "./model-ref";
import { defaultSettings, providerAdapters, type CallSettings, type StructuredMode } from "./providers";

export type { CallSettings, StructuredMode } from "./providers";

/** Reads a stored connection's API key (server/providers `getConnectionApiKey`). */
export type KeyResolver = (ref: ModelRef) => Promise<string | undefined>;

export type RegistryOptions = {
  resolveKey?: KeyResolver;
  /** Defaults to `structuredModeFor(ref)`. */
  mode?: StructuredMode;
};

// Inline designs can name many endpoints; past this many models the cache
// starts over rather than growing for the life of a worker.
const MAX_CACHED_MODELS = 500;
const cache = new Map<string, LanguageModel>();

/** Connections (process-wide) whose server answered 400 to a JSON-schema request. */
const jsonSchemaRejected = new Set<string>();

function connectionLabel(ref: ModelRef): string {
  return `connection "${ref.connectionName ?? ref.connectionId}"`;
}

// "preview" is shared by every unsaved design, so its endpoint is part of the identity.
function connectionKey(ref: ModelRef): string {
  return JSON.stringify([ref.connectionId, ref.kind, ref.baseURL ?? ""]);
}

function configError(message: string): LlmError {
  return new LlmError({ kind: "config", retryable: false, message });
}

/** The key for one call, or undefined for servers that need none. */
export async function resolveApiKey(ref: ModelRef, resolveKey?: KeyResolver): Promise<string | undefined> {
  const adapter = providerAdapters[ref.kind];
  if (ref.hasStoredKey) {
    if (!resolveKey) throw configError(`${connectionLabel(ref)} has a stored API key, but this caller cannot read stored keys. Run the call from a worker, or use apiKeyEnv.`);
    const stored = await resolveKey(ref);
    if (stored) return stored;
    throw configError(`The stored API key of ${connectionLabel(ref)} could not be read. Enter the key again under Settings → Connections.`);
  }
  if (ref.apiKeyEnv) {
    const fromEnv = process.env[ref.apiKeyEnv];
    if (fromEnv) return fromEnv;
    throw configError(
      `The environment variable ${ref.apiKeyEnv} (apiKeyEnv of ${connectionLabel(ref)}, model ${ref.model}) is not set on the server. Export it before starting datafast${adapter.keyRequired ? "" : ", or remove apiKeyEnv for servers that need no key"}.`,
    );
  }
  if (adapter.keyRequired) {
    throw configError(
      `${connectionLabel(ref)} (${ref.kind}, model ${ref.model}) has no API key. Store one on the connection under Settings → Connections, or set apiKeyEnv to the name of a server environment variable holding it (e.g. ${adapter.keyEnvExample}).`,
    );
  }
  return undefined;
}

/** Native JSON schema unless the user switched it off or this connection's server rejected it. */
export function structuredModeFor(ref: ModelRef): StructuredMode {
  return ref.structuredOutputs && !jsonSchemaRejected.has(connectionKey(ref)) ? "native" : "prompt";
}

/** Called when the server rejected a JSON-schema request: later calls on this connection start in prompt mode. */
export function rememberJsonSchemaRejected(ref: ModelRef): void {
  jsonSchemaRejected.add(connectionKey(ref));
}

/** For tests: forget remembered rejections and cached models. */
export function resetRegistry(): void {
  jsonSchemaRejected.clear();
  cache.clear();
}

export async function languageModelFor(ref: ModelRef, options: RegistryOptions = {}): Promise<LanguageModel> {
  if (ref.kind === "openai_compatible" && !ref.baseURL) {
    throw configError(`${connectionLabel(ref)} is OpenAI-compatible but has no base URL. Set it to the server's endpoint, e.g. http://localhost:8000/v1.`);
  }
  const apiKey = await resolveApiKey(ref, options.resolveKey);
  const mode = options.mode ?? structuredModeFor(ref);
  // A hash, not the key: cache keys can end up in heap dumps and debug output.
  const keyHash = apiKey === undefined ? "" : createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  const cacheKey = JSON.stringify([ref.kind, ref.baseURL ?? "", ref.model, keyHash, mode]);
  let model = cache.get(cacheKey);
  if (!model) {
    if (cache.size >= MAX_CACHED_MODELS) cache.clear();
    model = providerAdapters[ref.kind].build({ baseURL: ref.baseURL, apiKey, model: ref.model, mode, fetch: providerFetch });
    cache.set(cacheKey, model);
  }
  return model;
}

/** Sampling, reasoning effort and provider options for one call, as each provider expects them. */
export function callSettingsFor(ref: ModelRef): CallSettings {
  const settings = (providerAdapters[ref.kind].settings ?? defaultSettings)(ref.parameters);
  // Undefined keys would still reach the SDK's option parsing; leave them out.
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as CallSettings;
}

/** Where a call went, for error messages: the endpoint, or the provider's default one. */
export function endpointLabel(ref: ModelRef): string {
  return ref.baseURL ?? `the ${ref.kind} API`;
}

/**
 * Everything `generateStructured` needs about the model for `ref`: the model in
 * the right mode, its call settings, and the hook that remembers a JSON-schema
 * rejection so later calls on this connection skip the failing request.
 */
export async function structuredTargetFor(ref: ModelRef, options: { resolveKey?: KeyResolver } = {}) {
  const mechanism = structuredModeFor(ref);
  return {
    model: await languageModelFor(ref, { resolveKey: options.resolveKey, mode: mechanism }),
    modelName: ref.model,
    baseURL: endpointLabel(ref),
    mechanism,
    onFallbackToPrompt: () => rememberJsonSchemaRejected(ref),
    ...callSettingsFor(ref),
  };
}
