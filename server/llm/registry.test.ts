import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ModelRef } from "./model-ref";
import { ollamaBaseURL } from "./providers/ollama";
import { callSettingsFor, languageModelFor, rememberJsonSchemaRejected, resetRegistry, resolveApiKey, structuredModeFor, structuredTargetFor } from "./registry";

function ref(overrides: Partial<ModelRef> = {}): ModelRef {
  return {
    connectionId: "c1",
    connectionName: "my-openai",
    kind: "openai",
    model: "gpt-4o-mini",
    hasStoredKey: false,
    parameters: {},
    limits: {},
    structuredOutputs: true,
    ...overrides,
  };
}

beforeEach(() => resetRegistry());
afterEach(() => vi.unstubAllEnvs());

describe("API keys", () => {
  it("reads a stored key through the resolver, never from the ref", async () => {
    const resolveKey = vi.fn(async () => "sk-stored");
    await expect(resolveApiKey(ref({ hasStoredKey: true }), resolveKey)).resolves.toBe("sk-stored");
    expect(resolveKey).toHaveBeenCalledWith(expect.objectContaining({ connectionId: "c1" }));
  });

  it("reads apiKeyEnv from the server's environment and says which variable is missing", async () => {
    vi.stubEnv("DATAFAST_TEST_KEY", "sk-env");
    await expect(resolveApiKey(ref({ apiKeyEnv: "DATAFAST_TEST_KEY" }))).resolves.toBe("sk-env");
    vi.stubEnv("DATAFAST_TEST_KEY", "");
    await expect(resolveApiKey(ref({ apiKeyEnv: "DATAFAST_TEST_KEY" }))).rejects.toMatchObject({ kind: "config", message: expect.stringContaining("DATAFAST_TEST_KEY") });
  });

  it("refuses a hosted provider without any key, naming the connection and the fix", async () => {
    const error = await resolveApiKey(ref()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "config", retryable: false });
    expect((error as Error).message).toContain('connection "my-openai"');
    expect((error as Error).message).toContain("OPENAI_API_KEY");
  });

  it("lets local and generic servers go without a key", async () => {
    await expect(resolveApiKey(ref({ kind: "ollama" }))).resolves.toBeUndefined();
    await expect(resolveApiKey(ref({ kind: "openai_compatible", baseURL: "http://x/v1" }))).resolves.toBeUndefined();
  });

  it("fails clearly when a stored key cannot be read or no resolver is given", async () => {
    await expect(resolveApiKey(ref({ hasStoredKey: true }))).rejects.toMatchObject({ kind: "config" });
    await expect(resolveApiKey(ref({ hasStoredKey: true }), async () => undefined)).rejects.toMatchObject({ kind: "config", message: expect.stringContaining("Settings") });
  });

  it("requires a base URL for openai_compatible", async () => {
    await expect(languageModelFor(ref({ kind: "openai_compatible" }))).rejects.toMatchObject({ kind: "config", message: expect.stringContaining("base URL") });
  });
});

describe("model cache", () => {
  const resolveKey = async () => "sk-1";

  it("reuses a model for the same kind, endpoint, model, key and mode", async () => {
    const stored = ref({ hasStoredKey: true });
    const first = await languageModelFor(stored, { resolveKey });
    expect(await languageModelFor(stored, { resolveKey })).toBe(first);
    expect(await languageModelFor(stored, { resolveKey: async () => "sk-2" })).not.toBe(first);
    expect(await languageModelFor(stored, { resolveKey, mode: "prompt" })).not.toBe(first);
    expect(await languageModelFor({ ...stored, baseURL: "http://proxy/v1" }, { resolveKey })).not.toBe(first);
  });

  it("builds each kind with its own package", async () => {
    const providers = await Promise.all(
      (["openai", "anthropic", "google", "mistral", "openrouter", "ollama", "openai_compatible"] as const).map(async (kind) => {
        const model = await languageModelFor(ref({ kind, hasStoredKey: true, baseURL: "http://127.0.0.1:1/v1" }), { resolveKey });
        return typeof model === "string" ? model : model.provider;
      }),
    );
    expect(providers).toEqual(["openai.chat", "anthropic.messages", "google.generative-ai", "mistral.chat", "openrouter", "ollama.responses", "openai-compatible.chat"]);
  });
});

describe("structured mode", () => {
  it("is native unless switched off or rejected on this connection", () => {
    expect(structuredModeFor(ref())).toBe("native");
    expect(structuredModeFor(ref({ structuredOutputs: false }))).toBe("prompt");
    rememberJsonSchemaRejected(ref());
    expect(structuredModeFor(ref())).toBe("prompt");
    expect(structuredModeFor(ref({ connectionId: "c2" }))).toBe("native");
  });

  it("keeps unsaved (preview) endpoints apart", () => {
    rememberJsonSchemaRejected(ref({ connectionId: "preview", kind: "openai_compatible", baseURL: "http://a/v1" }));
    expect(structuredModeFor(ref({ connectionId: "preview", kind: "openai_compatible", baseURL: "http://b/v1" }))).toBe("native");
  });

  it("the target's fallback hook remembers the rejection", async () => {
    const target = await structuredTargetFor(ref({ hasStoredKey: true }), { resolveKey: async () => "sk" });
    expect(target.mechanism).toBe("native");
    target.onFallbackToPrompt();
    expect(structuredModeFor(ref())).toBe("prompt");
  });
});

describe("call settings per provider", () => {
  const parameters = { temperature: 0.5, topP: 0.9, maxOutputTokens: 300, reasoningEffort: "high" as const };

  it("passes reasoning as the SDK's option where the package maps it", () => {
    expect(callSettingsFor(ref({ parameters }))).toEqual({ temperature: 0.5, topP: 0.9, maxOutputTokens: 300, reasoning: "high" });
    expect(callSettingsFor(ref({ kind: "anthropic", parameters }))).toMatchObject({ reasoning: "high" });
    expect(callSettingsFor(ref({ parameters: {} }))).toEqual({});
  });

  it("uses OpenRouter's own reasoning field", () => {
    const settings = callSettingsFor(ref({ kind: "openrouter", parameters }));
    expect(settings.reasoning).toBeUndefined();
    expect(settings.providerOptions).toEqual({ openrouter: { reasoning: { effort: "high" } } });
  });

  it("asks Gemini for its thoughts only when reasoning is on", () => {
    expect(callSettingsFor(ref({ kind: "google", parameters })).providerOptions).toEqual({ google: { thinkingConfig: { includeThoughts: true } } });
    expect(callSettingsFor(ref({ kind: "google", parameters: { temperature: 1 } })).providerOptions).toBeUndefined();
  });

  it("puts Ollama's sampling in options and makes Mistral's json_schema strict", () => {
    expect(callSettingsFor(ref({ kind: "ollama", parameters })).providerOptions).toEqual({ ollama: { options: { temperature: 0.5, top_p: 0.9, num_predict: 300 } } });
    expect(callSettingsFor(ref({ kind: "mistral" })).providerOptions).toEqual({ mistral: { strictJsonSchema: true } });
  });

  it("points Ollama at /api whether or not the URL says so", () => {
    expect(ollamaBaseURL("http://gpu:11434")).toBe("http://gpu:11434/api");
    expect(ollamaBaseURL("http://gpu:11434/api/")).toBe("http://gpu:11434/api");
    expect(ollamaBaseURL(undefined)).toBeUndefined();
  });
});
