// The access matrix: every procedure of the router and every route handler
// under app/api, called anonymously, as annotator, editor and owner (and as an
// owner's API token), gets exactly the allow/deny its policy entry says. The
// list of procedures comes from the router and the list of routes from the
// file system, so a new one without a policy entry fails here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { contextAs } from "@/server/testing/auth-context";
import { createTestToken, createTestUser } from "@/server/testing/accounts";
import { procedurePolicy, routePolicy, type Access } from "@/server/testing/access-policy";
import { createTypedDataset } from "@/server/testing/review-factory";
import { appRouter, createCaller } from "./root";

type Identity = { label: string; role: Role | null; via: "session" | "token" };
const identities: Identity[] = [
  { label: "anonymous", role: null, via: "session" },
  { label: "annotator", role: "annotator", via: "session" },
  { label: "editor", role: "editor", via: "session" },
  { label: "owner", role: "owner", via: "session" },
  { label: "owner API token", role: "owner", via: "token" },
];

type Outcome = "UNAUTHORIZED" | "FORBIDDEN" | "allowed";
const rank: Record<Role, number> = { annotator: 0, editor: 1, owner: 2 };

function expectedOutcome(access: Access, who: Identity): Outcome {
  if (access === "public") return "allowed";
  if (!who.role) return "UNAUTHORIZED";
  if ((access === "session" || access === "owner-session") && who.via === "token") return "FORBIDDEN";
  const needed: Role = access === "session" ? "annotator" : access === "owner-session" ? "owner" : access;
  return rank[who.role] >= rank[needed] ? "allowed" : "FORBIDDEN";
}

/** Any other failure (bad input, not found, conflict) means the access check let the call through. */
function outcomeOf(error: unknown): Outcome {
  if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return error.code;
  return "allowed";
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API_DIR, full)] : [];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const procedures = Object.keys(appRouter._def.procedures).sort();

let database: TestDatabase;
let datasetId: string;
const tokens: Partial<Record<Role, string>> = {};
let routes: { key: string; file: string; method: (typeof METHODS)[number]; handler: (request: Request, context: unknown) => Promise<Response> }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ datasetId } = await createTypedDataset(database.db, "classification", { labels: [{ name: "billing", description: "billing" }], multiLabel: false }, [{ text: "Charged twice.", label: "billing", language: "en" }]));
  for (const role of ["annotator", "editor", "owner"] as const) tokens[role] = await createTestToken(database.db, await createTestUser(database.db, role));
  // Route handlers use the app's own database door, pointed at this test's database.
  process.env.DATABASE_URL = database.url;
  process.env.DATAFAST_SECRET ??= "integration-test-secret-0123456789abcdef";
  for (const file of routeFiles(API_DIR)) {
    const module = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof module[method] === "function") routes.push({ key: `${file} ${method}`, file, method, handler: module[method] as never });
    }
  }
  routes = routes.sort((a, b) => a.key.localeCompare(b.key));
});

afterAll(async () => {
  const { closeDb } = await import("@/server/db");
  await closeDb();
  await database?.drop();
});

describe("every procedure has an access policy", () => {
  it("the policy table names exactly the router's procedures", () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.filter((name) => !(name in procedurePolicy)), "procedures without a policy entry in server/testing/access-policy.ts").toEqual([]);
    expect(Object.keys(procedurePolicy).filter((name) => !procedures.includes(name)), "policy entries for procedures that no longer exist").toEqual([]);
  });

  it("the policy table names exactly the route handlers under app/api", () => {
    expect(routes.map((route) => route.key).filter((key) => !(key in routePolicy)), "route handlers without a policy entry").toEqual([]);
    expect(Object.keys(routePolicy).filter((key) => !routes.some((route) => route.key === key)), "policy entries for routes that no longer exist").toEqual([]);
  });
});

describe("procedures answer each caller as their policy says", () => {
  it.each(identities.map((who) => [who.label, who] as const))("as %s", async (_label, who) => {
    const queue = { enqueue: async () => undefined, submitBatches: async () => undefined, scanDuplicates: async () => undefined };
    const context = contextAs(who.role, { db: database.db, queue }, who.role ? { via: who.via } : undefined);
    const caller = createCaller(context) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const mismatches: string[] = [];
    for (const name of procedures) {
      const [group, procedure] = name.split(".") as [string, string];
      const outcome = await caller[group]![procedure]!({ datasetId }).then(() => "allowed" as const, outcomeOf);
      const expected = expectedOutcome(procedurePolicy[name]!, who);
      if (outcome !== expected) mismatches.push(`${name}: expected ${expected}, got ${outcome}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("route handlers answer each caller as their policy says", () => {
  function requestFor(route: (typeof routes)[number], token: string | undefined): Request {
    const url = new URL(`http://127.0.0.1/api/${path.dirname(route.file).replace("[id]", "00000000-0000-4000-8000-000000000000").replace("[trpc]", "account.me").replace("[...all]", "get-session")}`);
    const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
    if (route.method === "GET") return new Request(url, { headers });
    headers.set("content-type", "application/json");
    return new Request(url, { method: route.method, headers, body: "{}" });
  }

  it.each(["anonymous", "annotator", "editor", "owner"] as const)("as %s", async (label) => {
    const who = identities.find((identity) => identity.label === label)!;
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = routePolicy[route.key];
      if (!access || access === "per-procedure") continue;
      const token = who.role ? tokens[who.role] : undefined;
      const params = Promise.resolve({ id: "00000000-0000-4000-8000-000000000000", trpc: "account.me", all: ["get-session"] });
      const response = await route.handler(requestFor(route, token), { params });
      const outcome: Outcome = response.status === 401 ? "UNAUTHORIZED" : response.status === 403 ? "FORBIDDEN" : "allowed";
      const expected = expectedOutcome(access, { ...who, via: "session" });
      if (outcome !== expected) mismatches.push(`${route.key}: expected ${expected}, got ${outcome} (${response.status} ${await response.text()})`);
    }
    expect(mismatches).toEqual([]);
  });

  it("/api/trpc reads the bearer token: account.me names the token's user, a revoked or foreign token is refused with why", async () => {
    const route = routes.find((candidate) => candidate.key === "trpc/[trpc]/route.ts GET")!;
    const me = await route.handler(new Request("http://127.0.0.1/api/trpc/account.me", { headers: { authorization: `Bearer ${tokens.editor}` } }), {});
    expect((await me.json()).result.data).toMatchObject({ role: "editor" });
    const anonymous = await route.handler(new Request("http://127.0.0.1/api/trpc/datasets.list"), {});
    expect(anonymous.status).toBe(401);
    const foreign = await route.handler(new Request("http://127.0.0.1/api/trpc/datasets.list", { headers: { authorization: "Bearer sk-not-ours" } }), {});
    expect(foreign.status).toBe(401);
    expect(JSON.stringify(await foreign.json())).toMatch(/not a datafast API token/);
  });
});
