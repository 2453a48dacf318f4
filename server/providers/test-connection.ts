// "Test" on a connection: one tiny real call through the model registry, so it
// exercises exactly what a run will (endpoint, key, provider adapter). The
// outcome is stored on the connection and shown as its last test status.
import { generateText } from "ai";
import { kindInfo } from "@/lib/connections/schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ModelRef } from "@/server/llm/model-ref";
import { ollamaBaseURL } from "@/server/llm/providers/ollama";
import { languageModelFor } from "@/server/llm/registry";
import { decryptApiKey } from "@/server/secrets/api-keys";
import { saveTestResult, type ConnectionRecord } from "./queries";
import { describeProviderError, sanitizeProviderMessage } from "./sanitize";

const TEST_TIMEOUT_MS = 30_000;
const LIST_TIMEOUT_MS = 10_000;

export type TestResult = { ok: boolean; message: string; model: string | null; latencyMs: number | null; testedAt: Date };

/** Hosted providers have a known small model; self-hosted servers are asked what they serve. */
async function pickModel(connection: ConnectionRecord, baseUrl: string | undefined, apiKey: string | undefined): Promise<string> {
  const known = kindInfo[connection.kind].testModel;
  if (known) return known;
  if (!baseUrl) throw new Error("The connection has no base URL to call.");
  const ollama = connection.kind === "ollama";
  const url = ollama ? `${ollamaBaseURL(baseUrl)}/tags` : `${baseUrl}/models`;
  const response = await fetch(url, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, signal: AbortSignal.timeout(LIST_TIMEOUT_MS) }).catch((error: unknown) => {
    throw new Error(`Could not list the models at ${url} to pick one to test: ${describeProviderError(error)}`);
  });
  if (!response.ok) throw new Error(`Listing the models at ${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const body = (await response.json()) as { data?: { id?: unknown }[]; models?: { name?: unknown }[] };
  const first = ollama ? body.models?.[0]?.name : body.data?.[0]?.id;
  if (typeof first !== "string") throw new Error(`${baseUrl} lists no models; enter a model id to test with.`);
  return first;
}

export async function runConnectionTest(db: PrismaClient, connection: ConnectionRecord, requestedModel: string | undefined): Promise<TestResult> {
  const testedAt = new Date();
  const baseUrl = connection.baseUrl ?? kindInfo[connection.kind].defaultBaseUrl;
  // Kept only to redact it from provider messages; a key from apiKeyEnv is redacted the same way.
  let apiKey: string | undefined;
  let model: string | null = requestedModel ?? null;
  let result: TestResult;
  const started = performance.now();
  try {
    apiKey = connection.apiKeyCiphertext ? decryptApiKey(connection.apiKeyCiphertext, connection.name) : connection.apiKeyEnv ? process.env[connection.apiKeyEnv] : undefined;
    model ??= await pickModel(connection, baseUrl, apiKey);
    const ref: ModelRef = {
      connectionId: connection.id,
      connectionName: connection.name,
      kind: connection.kind,
      baseURL: connection.baseUrl ?? undefined,
      model,
      apiKeyEnv: connection.apiKeyEnv ?? undefined,
      hasStoredKey: connection.apiKeyCiphertext !== null,
      parameters: { maxOutputTokens: 5 },
      limits: {},
      structuredOutputs: connection.structuredOutputs,
      timeoutMs: connection.timeoutMs ?? undefined,
    };
    const callStarted = performance.now();
    const answer = await generateText({
      // The key decrypted above (not the short-lived cache), so a just-changed key is the one tested.
      model: await languageModelFor(ref, { resolveKey: async () => apiKey }),
      prompt: "Reply with OK",
      maxOutputTokens: 5,
      // One attempt: the user wants to know what the provider says now, 429 included.
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(Math.min(connection.timeoutMs ?? TEST_TIMEOUT_MS, TEST_TIMEOUT_MS)),
    });
    const latencyMs = Math.round(performance.now() - callStarted);
    const reply = sanitizeProviderMessage(answer.text, [apiKey]).slice(0, 40);
    result = { ok: true, model, latencyMs, testedAt, message: `OK in ${latencyMs} ms: ${model} replied ${reply ? `"${reply}"` : "(empty text)"}` };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    result = { ok: false, model, latencyMs, testedAt, message: sanitizeProviderMessage(describeProviderError(error), [apiKey]) };
  }
  await saveTestResult(db, connection.id, { ok: result.ok, message: result.message, at: testedAt });
  return result;
}
