// Design models → model references: named connections are looked up (and must
// exist), inline models get implicit connections unless nothing may be persisted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelConfig } from "@/lib/designs/model-schema";
import { AppError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createConnection, resolveDesignModels } from "./service";

let database: TestDatabase;

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "design-models-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  await createConnection(database.db, { name: "my-openai", kind: "openai", apiKey: "sk-design-models-0123456789", rpm: 60, tpm: 1000, maxConcurrency: 4, structuredOutputs: false, timeoutMs: 9000 });
});

afterAll(async () => {
  await database?.drop();
});

const inline: ModelConfig = { provider: "openai-compatible", baseURL: "http://127.0.0.1:8787/v1", model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 100 } };

describe("resolveDesignModels", () => {
  it("binds a connection reference to the stored connection's kind, limits and key", async () => {
    const [ref] = await resolveDesignModels(database.db, [{ connection: "my-openai", model: "gpt-4o-mini", parameters: { temperature: 0.3 }, pricing: { inputPerMillion: 1, outputPerMillion: 2 } }]);
    expect(ref).toMatchObject({
      connectionName: "my-openai",
      kind: "openai",
      baseURL: undefined,
      model: "gpt-4o-mini",
      hasStoredKey: true,
      apiKeyEnv: undefined,
      parameters: { temperature: 0.3 },
      limits: { rpm: 60, tpm: 1000, concurrency: 4 },
      pricing: { inputPerMillion: 1, outputPerMillion: 2 },
      structuredOutputs: false,
      timeoutMs: 9000,
    });
    expect(ref!.connectionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(ref)).not.toContain("sk-design-models");
  });

  it("names the path and the fix for an unknown connection", async () => {
    const error = await resolveDesignModels(database.db, [inline, { connection: "nope", model: "x" }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect((error as AppError).message).toBe('models[1].connection: no provider connection named "nope". Create it under Settings → Connections or fix the name.');
    expect((error as AppError).issues).toEqual([{ path: "models.1.connection", message: expect.stringContaining('"nope"') }]);
  });

  it("checks parameters against the connection's provider", async () => {
    const error = await resolveDesignModels(database.db, [{ connection: "my-openai", model: "o3-mini", parameters: { temperature: 0.5 } }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues[0]!.path).toBe("models.0.parameters.temperature");
  });

  it("creates no implicit connection with persist: false, and one with persist: true", async () => {
    const count = () => database.db.providerConnection.count({ where: { implicit: true } });
    const [preview] = await resolveDesignModels(database.db, [inline], { persist: false });
    expect(preview).toMatchObject({ connectionId: "preview", kind: "openai_compatible", baseURL: "http://127.0.0.1:8787/v1", limits: { rpm: 100 } });
    expect(await count()).toBe(0);
    const [persisted] = await resolveDesignModels(database.db, [inline]);
    expect(await count()).toBe(1);
    expect(persisted!.connectionName).toMatch(/^inline:127\.0\.0\.1:8787:/);
    // Once it exists, a preview uses it (and so its learned settings) without writing.
    const [again] = await resolveDesignModels(database.db, [inline], { persist: false });
    expect(again!.connectionId).toBe(persisted!.connectionId);
  });

  it("gives inline models of other providers an implicit connection of their kind", async () => {
    const [ref] = await resolveDesignModels(database.db, [{ provider: "anthropic", model: "claude-haiku-4-5", apiKeyEnv: "ANTHROPIC_API_KEY" }]);
    expect(ref).toMatchObject({ kind: "anthropic", baseURL: undefined, apiKeyEnv: "ANTHROPIC_API_KEY" });
    expect(ref!.connectionName).toMatch(/^inline:anthropic:[0-9a-f]{8}$/);
    const stored = await database.db.providerConnection.findUnique({ where: { id: ref!.connectionId }, select: { kind: true, implicit: true, baseUrl: true } });
    expect(stored).toEqual({ kind: "anthropic", implicit: true, baseUrl: null });
  });
});
