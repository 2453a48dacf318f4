// "Test" on a connection: a real call to the mock LLM, and failures reported in
// the provider's words without the key.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { LlmError } from "@/server/llm/errors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createCaller } from "@/server/trpc/root";
import { getConnectionApiKey } from "./service";
import { contextAs } from "@/server/testing/auth-context";

const API_KEY = "sk-test-key-for-the-mock-0123456789";
const ECHOED_KEY = "sk-echo-secret-abcdefghijklmnop-42";
let database: TestDatabase;
let mock: MockLlm;
let echo: Server;
let echoUrl: string;
let caller: ReturnType<typeof createCaller>;

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function useSecret(secret: string) {
  process.env.DATAFAST_SECRET = secret;
  resetServerSecret();
}

beforeAll(async () => {
  useSecret("test-connection-secret-0123456789abcdef");
  database = await createTestDatabase();
  mock = await startMockLlm({ port: 0 });
  // A careless proxy: answers 401 and echoes the credentials it was sent.
  echo = createServer((req, res) => {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `Invalid credentials. You sent authorization: ${req.headers.authorization}; key ${ECHOED_KEY}` } }));
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
});

afterAll(async () => {
  await mock?.close();
  await new Promise((resolve) => echo?.close(resolve));
  await database?.drop();
});

describe("testing a connection", () => {
  it("succeeds against the mock LLM, reports the latency and stores the result", async () => {
    const connection = await caller.connections.create({ name: "mock", kind: "openai_compatible", baseUrl: mock.url, apiKey: API_KEY });
    const before = mock.stats().chatCompletions;
    const result = await caller.connections.test({ id: connection.id });
    expect(result).toMatchObject({ ok: true, model: "mock-1" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.message).toMatch(/^OK in \d+ ms: mock-1 replied /);
    expect(mock.stats().chatCompletions).toBe(before + 1);
    const stored = await caller.connections.get({ id: connection.id });
    expect(stored.lastTest).toMatchObject({ ok: true, message: result.message });
    expect(JSON.stringify([result, stored])).not.toContain(API_KEY);
    // Limits do not change what a test proves; a new key does.
    const tuned = await caller.connections.update({ id: connection.id, name: "mock", kind: "openai_compatible", baseUrl: mock.url, rpm: 100, structuredOutputs: true });
    expect(tuned.lastTest).toMatchObject({ ok: true });
    const rekeyed = await caller.connections.update({ id: connection.id, name: "mock", kind: "openai_compatible", baseUrl: mock.url, apiKey: API_KEY, structuredOutputs: true });
    expect(rekeyed.lastTest).toBeNull();
  });

  it("uses the model it is given", async () => {
    const connection = (await caller.connections.list()).find((c) => c.name === "mock")!;
    expect(await caller.connections.test({ id: connection.id, model: "mock-2" })).toMatchObject({ ok: true, model: "mock-2" });
  });

  it("fails on a closed port with the network error, and stores the failure", async () => {
    const connection = await caller.connections.create({ name: "closed-port", kind: "openai_compatible", baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, apiKey: API_KEY });
    const result = await caller.connections.test({ id: connection.id, model: "mock-1" });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Cannot connect to API: .*ECONNREFUSED/);
    expect(result.message.length).toBeLessThanOrEqual(500);
    expect(result.message).not.toContain(API_KEY);
    expect((await caller.connections.get({ id: connection.id })).lastTest).toMatchObject({ ok: false, message: result.message });
    // Without a model the server is asked for its list first; that failure is reported the same way.
    const listing = await caller.connections.test({ id: connection.id });
    expect(listing).toMatchObject({ ok: false });
    expect(listing.message).toMatch(/^Could not list the models at .*\/models to pick one to test: fetch failed.*ECONNREFUSED/);
  });

  it("strips the key and the Authorization header from the provider's error", async () => {
    process.env.ECHO_TEST_KEY = ECHOED_KEY;
    const connection = await caller.connections.create({ name: "echo", kind: "openai_compatible", baseUrl: echoUrl, apiKeyEnv: "ECHO_TEST_KEY" });
    const result = await caller.connections.test({ id: connection.id, model: "any" });
    expect(result.ok).toBe(false);
    expect(result.message).toBe("HTTP 401: Invalid credentials. You sent authorization: [redacted]; key [redacted]");
    expect(result.message).toContain("[redacted]");
    expect(result.message).not.toContain(ECHOED_KEY);
    expect(result.message).not.toContain("abcdefghijklmnop");
  });

  it("reports a key saved under another secret as undecryptable, with what to do", async () => {
    const connection = (await caller.connections.list()).find((c) => c.name === "mock")!;
    useSecret("a-different-server-secret-0123456789abcdef");
    try {
      const listed = (await caller.connections.list()).find((c) => c.name === "mock")!;
      expect(listed.apiKey).toEqual({ set: true, preview: "••••", readable: false });
      const result = await caller.connections.test({ id: connection.id });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/cannot be decrypted with this server's secret.*Re-enter the key/);
      const error = await getConnectionApiKey(database.db, connection.id).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(LlmError);
      expect(error).toMatchObject({ kind: "config", retryable: false });
    } finally {
      useSecret("test-connection-secret-0123456789abcdef");
    }
    expect(await getConnectionApiKey(database.db, connection.id)).toBe(API_KEY);
  });
});
