// Every provider kind through the registry, over real HTTP, against the
// project's mock server (which speaks OpenAI, Anthropic, Gemini and Ollama).
// In native mode the schema is not in the prompt, so a valid first answer
// proves the provider package sent it in its own structured-output field.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import type { ModelRef, ProviderKindName } from "./model-ref";
import { resetRegistry, structuredModeFor, structuredTargetFor } from "./registry";
import { generateStructured } from "./structured";

const schema = z.object({ texts: z.array(z.string().min(1)).length(3) }).strict();

let mock: MockLlm;

beforeAll(async () => {
  mock = await startMockLlm({ port: 0 });
});

afterAll(async () => {
  await mock?.close();
});

beforeEach(() => resetRegistry());

function baseURLFor(kind: ProviderKindName): string {
  if (kind === "anthropic") return mock.urls.anthropic;
  if (kind === "google") return mock.urls.gemini;
  if (kind === "ollama") return mock.urls.ollama;
  return mock.urls.openai;
}

function refFor(kind: ProviderKindName, model = "mock-1", overrides: Partial<ModelRef> = {}): ModelRef {
  return {
    connectionId: `test-${kind}-${model}`,
    connectionName: `test-${kind}`,
    kind,
    baseURL: baseURLFor(kind),
    model,
    // A "stored" key, read through the resolver as a worker would.
    hasStoredKey: true,
    // Explicit, so Anthropic does not warn that it capped an unknown model's output.
    parameters: { maxOutputTokens: 1024 },
    limits: {},
    structuredOutputs: true,
    ...overrides,
  };
}

async function run(ref: ModelRef) {
  const target = await structuredTargetFor(ref, { resolveKey: async () => "test-key" });
  return generateStructured({
    ...target,
    schema,
    system: "You write short customer messages.",
    prompt: "Write 3 short customer messages about billing.",
    timeoutMs: 10_000,
  });
}

const kinds: ProviderKindName[] = ["openai", "anthropic", "google", "mistral", "openrouter", "ollama", "openai_compatible"];

describe("one structured call per provider kind", () => {
  it.each(kinds)("%s: valid output in native mode on the first try, with usage", async (kind) => {
    const result = await run(refFor(kind));
    expect(schema.safeParse(result.output).success).toBe(true);
    expect(result).toMatchObject({ mechanism: "native", fellBackToPrompt: false, repairs: 0, firstTryValid: true });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });
});

describe("repair over HTTP", () => {
  it.each(["openai_compatible", "ollama", "google", "anthropic"] as const)("%s: mock-broken-first is valid after exactly one repair", async (kind) => {
    const result = await run(refFor(kind, "mock-broken-first"));
    expect(schema.safeParse(result.output).success).toBe(true);
    expect(result).toMatchObject({ repairs: 1, firstTryValid: false, mechanism: "native" });
  });

  it("prompt mode repairs too", async () => {
    const result = await run(refFor("openai_compatible", "mock-broken-first", { structuredOutputs: false }));
    expect(result).toMatchObject({ repairs: 1, firstTryValid: false, mechanism: "prompt" });
  });
});

describe("fallback to prompt mode", () => {
  it("a server that rejects json_schema gets the schema in the prompt, and the connection remembers it", async () => {
    const ref = refFor("openai_compatible", "mock-no-json-schema");
    const before = mock.stats().byStatus["400"] ?? 0;
    const first = await run(ref);
    expect(schema.safeParse(first.output).success).toBe(true);
    expect(first).toMatchObject({ mechanism: "prompt", fellBackToPrompt: true, firstTryValid: true });
    expect((mock.stats().byStatus["400"] ?? 0) - before).toBe(1);
    // Later calls on the same connection skip the request that is known to fail.
    expect(structuredModeFor(ref)).toBe("prompt");
    const second = await run(ref);
    expect(second).toMatchObject({ mechanism: "prompt", fellBackToPrompt: false });
    expect((mock.stats().byStatus["400"] ?? 0) - before).toBe(1);
  });

  it("the OpenAI kind falls back the same way", async () => {
    const result = await run(refFor("openai", "mock-no-json-schema"));
    expect(result).toMatchObject({ mechanism: "prompt", fellBackToPrompt: true });
  });

  it("structuredOutputs off uses prompt mode from the start, without a rejected request", async () => {
    const before = mock.stats();
    const result = await run(refFor("openai_compatible", "mock-no-json-schema", { structuredOutputs: false }));
    const after = mock.stats();
    expect(schema.safeParse(result.output).success).toBe(true);
    expect(result).toMatchObject({ mechanism: "prompt", fellBackToPrompt: false, repairs: 0 });
    expect(after.byProtocol.openai - before.byProtocol.openai).toBe(1);
    expect(after.byStatus["400"] ?? 0).toBe(before.byStatus["400"] ?? 0);
  });
});

describe("configuration errors", () => {
  it("a hosted provider without a key fails before any request, naming the connection and the fix", async () => {
    const before = mock.stats().requests;
    const ref = refFor("anthropic", "mock-1", { hasStoredKey: false });
    await expect(structuredTargetFor(ref)).rejects.toMatchObject({ kind: "config", retryable: false, message: expect.stringMatching(/connection "test-anthropic".*apiKeyEnv.*ANTHROPIC_API_KEY/) });
    expect(mock.stats().requests).toBe(before);
  });
});
