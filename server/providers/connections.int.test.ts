// Connections through the tRPC router against a real database: CRUD, the key
// never leaving the server (responses and the column), and the delete guard.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";
import { responseRecorder } from "@/server/testing/trpc-failure";

const API_KEY = "sk-live-abcdefghijklmnopqrstuvwxyz0123";
let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
/** Every response goes through these, so the last test can check none of them ever held the key. */
const { responses, record, failure } = responseRecorder();

function issuesOf(error: TRPCError) {
  return isAppError(error.cause) ? error.cause.issues : [];
}

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "integration-test-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
});

afterAll(async () => {
  await database?.drop();
});

describe("provider connections", () => {
  let openaiId: string;

  it("creates a connection and returns only a masked preview of its key", async () => {
    const created = await record(caller.connections.create({ name: "my-openai", kind: "openai", apiKey: API_KEY, rpm: 500, maxConcurrency: 8 }));
    openaiId = created.id;
    expect(created).toMatchObject({ name: "my-openai", kind: "openai", baseUrl: null, defaultBaseUrl: "https://api.openai.com/v1", rpm: 500, maxConcurrency: 8, structuredOutputs: true, implicit: false });
    expect(created.apiKey).toEqual({ set: true, preview: "sk-…0123", readable: true });
    expect(created).not.toHaveProperty("apiKeyCiphertext");
  });

  it("stores the key encrypted, never in plaintext", async () => {
    const [row] = await database.db.$queryRaw<{ api_key_ciphertext: string }[]>`SELECT api_key_ciphertext FROM provider_connections WHERE id = ${openaiId}::uuid`;
    expect(row!.api_key_ciphertext).toMatch(/^v1:/);
    expect(row!.api_key_ciphertext).not.toContain(API_KEY);
    expect(row!.api_key_ciphertext).not.toContain(API_KEY.slice(3, 20));
  });

  it("lists and gets connections", async () => {
    await record(caller.connections.create({ name: "local.vllm_1", kind: "openai_compatible", baseUrl: "http://127.0.0.1:8000/v1/", structuredOutputs: false, timeoutMs: 5000 }));
    const list = await record(caller.connections.list());
    expect(list.map((c) => c.name)).toEqual(["local.vllm_1", "my-openai"]);
    const local = list.find((c) => c.name === "local.vllm_1")!;
    expect(local).toMatchObject({ baseUrl: "http://127.0.0.1:8000/v1", structuredOutputs: false, timeoutMs: 5000, apiKey: { set: false, preview: null } });
    expect(await record(caller.connections.get({ id: openaiId }))).toMatchObject({ name: "my-openai", apiKey: { set: true } });
  });

  it("shows short keys as dots only", async () => {
    const short = await record(caller.connections.create({ name: "short-key", kind: "mistral", apiKey: "abc123" }));
    expect(short.apiKey).toEqual({ set: true, preview: "••••", readable: true });
    await record(caller.connections.delete({ id: short.id }));
  });

  it("keeps the stored key when an update leaves the key empty", async () => {
    const updated = await record(caller.connections.update({ id: openaiId, name: "my-openai", kind: "openai", apiKey: "", rpm: 900, tpm: 100000, structuredOutputs: true }));
    expect(updated).toMatchObject({ rpm: 900, tpm: 100000, maxConcurrency: null, apiKey: { set: true, preview: "sk-…0123" } });
    const replaced = await record(caller.connections.update({ id: openaiId, name: "my-openai", kind: "openai", apiKey: "sk-second-key-9999999999zz", structuredOutputs: true }));
    expect(replaced.apiKey.preview).toBe("sk-…99zz");
    const back = await record(caller.connections.update({ id: openaiId, name: "my-openai", kind: "openai", apiKey: API_KEY, structuredOutputs: true }));
    expect(back.apiKey.preview).toBe("sk-…0123");
  });

  it("refuses to clear the key of a provider that requires one, and clears it elsewhere", async () => {
    const error = await failure(caller.connections.update({ id: openaiId, name: "my-openai", kind: "openai", clearApiKey: true, structuredOutputs: true }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(issuesOf(error)).toEqual([{ path: "apiKey", message: expect.stringContaining("OpenAI requires an API key") }]);

    const local = (await caller.connections.list()).find((c) => c.name === "local.vllm_1")!;
    const withKey = await record(caller.connections.update({ id: local.id, name: "local.vllm_1", kind: "openai_compatible", baseUrl: "http://127.0.0.1:8000/v1", apiKey: "local-token-123456", structuredOutputs: false }));
    expect(withKey.apiKey.set).toBe(true);
    const cleared = await record(caller.connections.update({ id: local.id, name: "local.vllm_1", kind: "openai_compatible", baseUrl: "http://127.0.0.1:8000/v1", clearApiKey: true, structuredOutputs: false }));
    expect(cleared.apiKey).toEqual({ set: false, preview: null, readable: true });
  });

  it("validates input per field", async () => {
    const missingKey = await failure(caller.connections.create({ name: "anthropic", kind: "anthropic" }));
    expect(missingKey.code).toBe("BAD_REQUEST");
    expect(missingKey.message).toContain("Anthropic requires an API key");
    const noUrl = await failure(caller.connections.create({ name: "bad name!", kind: "openai_compatible", rpm: 0 }));
    expect(noUrl.message).toMatch(/name may contain only letters/);
    expect(noUrl.message).toMatch(/baseUrl is required for an OpenAI-compatible server/);
    expect(noUrl.message).toMatch(/rpm must be at least 1/);
    const tooLong = await failure(caller.connections.create({ name: "long", kind: "openai", apiKey: `sk-${"z".repeat(5000)}` }));
    expect(tooLong.message).toContain("apiKey is too long");
    expect(tooLong.message).not.toContain("zzzzzzzz");
    // A key in an env variable satisfies "requires a key" too.
    const viaEnv = await record(caller.connections.create({ name: "anthropic-env", kind: "anthropic", apiKeyEnv: "ANTHROPIC_API_KEY" }));
    expect(viaEnv.apiKey.set).toBe(false);
    expect(viaEnv.apiKeyEnv).toBe("ANTHROPIC_API_KEY");
    // Ollama needs no key.
    expect(await record(caller.connections.create({ name: "ollama", kind: "ollama" }))).toMatchObject({ defaultBaseUrl: "http://127.0.0.1:11434/api" });
  });

  it("answers a duplicate name with a conflict on the name field", async () => {
    const error = await failure(caller.connections.create({ name: "my-openai", kind: "openai", apiKey: "sk-other-key-000000000000" }));
    expect(error.code).toBe("CONFLICT");
    expect(issuesOf(error)).toEqual([{ path: "name", message: '"my-openai" is already taken' }]);
  });

  it("refuses to delete a connection used by an active run, and deletes it afterwards", async () => {
    const design = { ...supportIntentsDesign("http://127.0.0.1:8787/v1"), models: [{ connection: "local.vllm_1", model: "mock-1" }] };
    const dataset = await caller.datasets.create({ design });
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    const local = (await caller.connections.list()).find((c) => c.name === "local.vllm_1")!;
    const error = await failure(caller.connections.delete({ id: local.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain('Connection "local.vllm_1" is used by 1 active run: support-intents');
    expect(error.message).toContain(runId);

    await database.db.run.update({ where: { id: runId }, data: { status: "cancelled" } });
    expect(await record(caller.connections.delete({ id: local.id }))).toEqual({ id: local.id, name: "local.vllm_1" });
    expect((await caller.connections.list()).some((c) => c.id === local.id)).toBe(false);
    expect((await failure(caller.connections.get({ id: local.id }))).code).toBe("NOT_FOUND");
  });

  it("lists implicit connections from design files as read-only, but deletable", async () => {
    const dataset = await caller.datasets.create({ design: supportIntentsDesign("http://127.0.0.1:8787/v1") });
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    await database.db.run.update({ where: { id: runId }, data: { status: "completed" } });
    const implicit = (await record(caller.connections.list())).find((c) => c.implicit)!;
    expect(implicit).toMatchObject({ kind: "openai_compatible", baseUrl: "http://127.0.0.1:8787/v1", apiKeyEnv: "MOCK_API_KEY", rpm: 6000 });
    expect(implicit.name).toMatch(/^inline:127\.0\.0\.1:8787:[0-9a-f]{8}$/);
    const error = await failure(caller.connections.update({ id: implicit.id, name: "renamed", kind: "openai_compatible", baseUrl: "http://x.test/v1", structuredOutputs: true }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/comes from a design file and is read-only/);
    await record(caller.connections.delete({ id: implicit.id }));
  });

  it("never returned the key in any response", () => {
    expect(responses.length).toBeGreaterThan(15);
    const json = JSON.stringify(responses);
    for (const key of [API_KEY, "sk-second-key-9999999999zz", "local-token-123456", "abc123"]) expect(json).not.toContain(key);
    expect(json).not.toContain("apiKeyCiphertext");
    expect(json).not.toContain('"v1:');
  });
});
