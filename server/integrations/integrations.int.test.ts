// Integration connections through the tRPC router against a real database:
// CRUD, the token never leaving the server (responses and the column), tests
// against a fake Hub and a fake Argilla /api/v1/me, and the credentials door.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { startFakeHubServer, type FakeHubServer } from "@/server/testing/fake-hub-server";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import { getIntegrationCredentials } from "./service";
import { responseRecorder } from "@/server/testing/trpc-failure";

const HUB_TOKEN = "hf_abcdefghijklmnopqrstuvwxyzABCD1234";
const ARGILLA_KEY = "argilla.apikey-0123456789abcdefWXYZ";
let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let hub: FakeHubServer;
let argilla: Server;
let argillaUrl: string;
const { responses, record, failure } = responseRecorder();

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "integration-test-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
  hub = await startFakeHubServer({ users: { [HUB_TOKEN]: "alice" } });
  // Argilla's identity endpoint: the API key travels in X-Argilla-Api-Key.
  argilla = createServer((request, response) => {
    const ok = request.url === "/api/v1/me" && request.headers["x-argilla-api-key"] === ARGILLA_KEY;
    response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    response.end(JSON.stringify(ok ? { id: "7c1f0d52-0000-4000-8000-000000000001", username: "argilla-owner", role: "owner" } : { detail: "Could not validate credentials" }));
  });
  await new Promise<void>((resolve) => argilla.listen(0, "127.0.0.1", resolve));
  argillaUrl = `http://127.0.0.1:${(argilla.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await hub?.close();
  await new Promise((resolve) => argilla?.close(resolve));
  await database?.drop();
});

describe("integration connections", () => {
  let hubId: string;
  let argillaId: string;

  it("creates a Hub connection with the default endpoint and a masked token", async () => {
    const created = await record(caller.integrations.create({ name: "my-hub", kind: "hub", token: HUB_TOKEN, owner: "alice" }));
    hubId = created.id;
    expect(created).toMatchObject({ name: "my-hub", kind: "hub", url: "https://huggingface.co", owner: "alice", workspace: null, lastTest: null });
    expect(created.token).toEqual({ set: true, preview: "hf_…1234", readable: true });
    expect(created).not.toHaveProperty("tokenCiphertext");
  });

  it("stores the token encrypted with the provider-key cipher, never in plaintext", async () => {
    const [row] = await database.db.$queryRaw<{ token_ciphertext: string }[]>`SELECT token_ciphertext FROM integration_connections WHERE id = ${hubId}::uuid`;
    expect(row!.token_ciphertext).toMatch(/^v1:/);
    expect(row!.token_ciphertext).not.toContain(HUB_TOKEN);
    expect(row!.token_ciphertext).not.toContain(HUB_TOKEN.slice(3, 20));
    // Omitted by default: a plain findUnique does not carry it.
    expect(await database.db.integrationConnection.findUnique({ where: { id: hubId } })).not.toHaveProperty("tokenCiphertext");
  });

  it("requires a URL for Argilla and a token on create, with per-field messages", async () => {
    const error = await failure(caller.integrations.create({ name: "team-argilla", kind: "argilla" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("url is required for Argilla");
    expect(error.message).toContain("token is required for Argilla");
  });

  it("rejects a duplicate name with a clear conflict", async () => {
    const error = await failure(caller.integrations.create({ name: "my-hub", kind: "hub", token: "hf_other-token-value" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain('"my-hub" already exists');
  });

  it("creates an Argilla connection and lists both, filtered by kind", async () => {
    const created = await record(caller.integrations.create({ name: "team-argilla", kind: "argilla", url: `${argillaUrl}/`, token: ARGILLA_KEY, workspace: "annotators", owner: "ignored" }));
    argillaId = created.id;
    expect(created).toMatchObject({ url: argillaUrl, workspace: "annotators", owner: null });
    const all = await record(caller.integrations.list());
    expect(all.map((item) => item.name)).toEqual(["my-hub", "team-argilla"]);
    expect((await record(caller.integrations.list({ kind: "argilla" }))).map((item) => item.name)).toEqual(["team-argilla"]);
  });

  it("tests a Hub connection against the Hub's whoami-v2 and stores the result", async () => {
    await record(caller.integrations.update({ id: hubId, name: "my-hub", kind: "hub", url: hub.url, owner: "alice" }));
    const result = await record(caller.integrations.test({ id: hubId }));
    expect(result).toMatchObject({ ok: true, account: "alice", message: "OK: signed in as alice" });
    expect(hub.requests.at(-1)).toMatchObject({ path: "/api/whoami-v2", status: 200 });
    expect((await record(caller.integrations.get({ id: hubId }))).lastTest).toMatchObject({ ok: true, message: "OK: signed in as alice" });
  });

  it("tests an Argilla connection against /api/v1/me", async () => {
    const result = await record(caller.integrations.test({ id: argillaId }));
    expect(result).toMatchObject({ ok: true, account: "argilla-owner" });
  });

  it("keeps the token on an update without one, replaces it when given, and clears the last test when it changes", async () => {
    const kept = await record(caller.integrations.update({ id: hubId, name: "my-hub", kind: "hub", url: hub.url, token: "", owner: "" }));
    expect(kept).toMatchObject({ owner: null, token: { preview: "hf_…1234" } });
    expect(kept.lastTest).not.toBeNull();
    const replaced = await record(caller.integrations.update({ id: hubId, name: "my-hub", kind: "hub", url: hub.url, token: "hf_wrong-token-000000WXYZ" }));
    expect(replaced.token.preview).toBe("hf_…WXYZ");
    expect(replaced.lastTest).toBeNull();
  });

  it("reports a rejected token as a failed test naming the cause, without echoing the token", async () => {
    const result = await record(caller.integrations.test({ id: hubId }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain("HTTP 401");
    expect(result.message).toContain("the token is missing, wrong or expired");
    expect(result.message).not.toContain("hf_wrong-token");
  });

  it("hands decrypted credentials to server code only for the right kind", async () => {
    await record(caller.integrations.update({ id: hubId, name: "my-hub", kind: "hub", url: hub.url, token: HUB_TOKEN, owner: "alice" }));
    await expect(getIntegrationCredentials(database.db, hubId, "hub")).resolves.toEqual({ name: "my-hub", url: hub.url, token: HUB_TOKEN, owner: "alice", workspace: null });
    await expect(getIntegrationCredentials(database.db, argillaId, "argilla")).resolves.toMatchObject({ url: argillaUrl, token: ARGILLA_KEY, workspace: "annotators" });
    const wrongKind = await getIntegrationCredentials(database.db, argillaId, "hub").catch((error: unknown) => error);
    expect(isAppError(wrongKind) && wrongKind.message).toContain('"team-argilla" is for Argilla, not Hugging Face Hub');
  });

  it("deletes a connection", async () => {
    expect(await record(caller.integrations.delete({ id: argillaId }))).toEqual({ id: argillaId, name: "team-argilla" });
    expect((await record(caller.integrations.list())).map((item) => item.name)).toEqual(["my-hub"]);
    const error = await failure(caller.integrations.get({ id: argillaId }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("never returned a token or ciphertext in any response", () => {
    const text = JSON.stringify(responses);
    expect(responses.length).toBeGreaterThan(10);
    for (const secret of [HUB_TOKEN, ARGILLA_KEY, "hf_wrong-token-000000WXYZ", "tokenCiphertext", "v1:"]) expect(text).not.toContain(secret);
  });
});
