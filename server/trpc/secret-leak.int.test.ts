// No secret leaves the server: with a provider key, API tokens, an invitation
// link and a session stored, every query procedure is called as every role
// (and anonymously) with inputs that find real records, and no answer — data
// or error — contains any of those values. Mutations that create a secret
// return it once to its creator; that is checked in server/auth/accounts.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { contextAs } from "@/server/testing/auth-context";
import { createTestToken, createTestUser } from "@/server/testing/accounts";
import { createTypedDataset } from "@/server/testing/review-factory";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { appRouter, createCaller } from "./root";

const PROVIDER_KEY = "sk-leakcheck-PROVIDER-0123456789abcdefXYZ";
const HUB_STYLE_KEY = "hf_leakcheck_SECONDKEY_abcdefghijklmnop";
const HUB_TOKEN = "hf_leakcheck_HUBTOKEN_0123456789abcdefgh";
const ARGILLA_KEY = "argilla.apikey.LEAKCHECK-0123456789abcdef";
let database: TestDatabase;
const secrets: string[] = [PROVIDER_KEY, HUB_STYLE_KEY, HUB_TOKEN, ARGILLA_KEY];
const ids: Record<string, string> = {};

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "integration-test-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  const queue = { enqueue: async () => undefined };
  const owner = createCaller(contextAs("owner", { db: database.db, queue }));
  ids.connectionId = (await owner.connections.create({ name: "leak-openai", kind: "openai", apiKey: PROVIDER_KEY })).id;
  ids.secondConnectionId = (await owner.connections.create({ name: "leak-compatible", kind: "openai_compatible", baseUrl: "http://127.0.0.1:9/v1", apiKey: HUB_STYLE_KEY })).id;
  ids.hubConnectionId = (await owner.integrations.create({ name: "leak-hub", kind: "hub", url: "http://127.0.0.1:9", token: HUB_TOKEN })).id;
  ids.argillaConnectionId = (await owner.integrations.create({ name: "leak-argilla", kind: "argilla", url: "http://127.0.0.1:9", token: ARGILLA_KEY, workspace: "team" })).id;
  const dataset = await createTypedDataset(database.db, "classification", { labels: [{ name: "billing", description: "billing" }], multiLabel: false }, [{ text: "Charged twice.", label: "billing", language: "en" }]);
  ids.datasetId = dataset.datasetId;
  ids.rowId = dataset.rowIds[0]!;
  ids.runId = (await database.db.run.findFirstOrThrow({ where: { datasetId: dataset.datasetId } })).id;
  for (const role of ["annotator", "editor", "owner"] as const) {
    const user = await createTestUser(database.db, role);
    secrets.push(await createTestToken(database.db, user));
  }
  const ownerUser = await createTestUser(database.db, "owner");
  const invitation = await createCaller(contextAs("owner", { db: database.db, queue }, { id: ownerUser.id })).members.invite({ email: "someone@datafast.test", role: "editor" });
  secrets.push(invitation.token);
  const session = await database.db.session.create({ data: { id: "leak-session", token: "session-token-LEAKCHECK-0123456789", userId: ownerUser.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  secrets.push(session.token);
  // Hashes are secrets too: with one, a stolen database row could be matched offline.
  for (const row of await database.db.apiToken.findMany({ select: { tokenHash: true } })) secrets.push(row.tokenHash);
});

afterAll(async () => {
  await database?.drop();
});

/** Inputs that reach real records, so answers carry data rather than "not found". */
function inputFor(name: string): unknown {
  const { datasetId, rowId, runId, connectionId } = ids;
  const special: Record<string, unknown> = {
    "connections.get": { id: connectionId },
    "integrations.get": { id: ids.hubConnectionId },
    "integrations.list": {},
    "argilla.workspaces": { connectionId: ids.argillaConnectionId },
    "runs.progress": { runId },
    "reviews.get": { datasetId, rowId },
    "reviews.lineage": { datasetId, rowId },
    "reviews.position": { datasetId, rowId },
    "reviews.bulkCount": { datasetId, target: { filter: {} } },
    "insights.rowVersions": { datasetId, rowId },
    "insights.regenerationEstimate": { datasetId, filter: {} },
    "datasets.plan": { design: {} },
    "account.invitation": { token: "dfi_not-a-real-invitation-token-000" },
  };
  return name in special ? special[name] : { datasetId };
}

const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === "query")
  .map(([name]) => name)
  .sort();

describe("no secret in any query answer", () => {
  it("walks a real set of queries", () => {
    expect(queries.length).toBeGreaterThan(30);
    expect(queries).toContain("connections.list");
    expect(queries).toContain("apiTokens.list");
    expect(queries).toContain("integrations.list");
  });

  it.each([null, "annotator", "editor", "owner"] as const)("as %s", async (role: Role | null) => {
    const caller = createCaller(contextAs(role, { db: database.db, queue: { enqueue: async () => undefined } })) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    let answered = 0;
    for (const name of queries) {
      const [group, procedure] = name.split(".") as [string, string];
      const answer = await caller[group]![procedure]!(inputFor(name)).then(
        (data) => {
          answered++;
          return JSON.stringify(data);
        },
        (error: Error) => JSON.stringify({ message: error.message, cause: String(error.cause) }),
      );
      for (const secret of secrets) expect(answer, `${name} as ${role ?? "anonymous"}`).not.toContain(secret);
    }
    // The walk must have seen data, not only refusals (owners see connection lists with masked keys).
    if (role === "owner") expect(answered).toBeGreaterThan(20);
  });
});
