// "Test" on an integration connection: one authenticated call that needs nothing
// but the token (Hub: whoami-v2, Argilla: /api/v1/me). The outcome is stored on
// the connection and shown as its last test status.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { describeProviderError, sanitizeProviderMessage } from "@/server/providers/sanitize";
import { saveIntegrationTestResult } from "./queries";

const TEST_TIMEOUT_MS = 15_000;

export type IntegrationTestResult = { ok: boolean; message: string; account: string | null; testedAt: Date };

type Target = { id: string; kind: "hub" | "argilla"; url: string; token: string };

function request(target: Target): { url: string; headers: Record<string, string> } {
  if (target.kind === "hub") return { url: `${target.url}/api/whoami-v2`, headers: { authorization: `Bearer ${target.token}` } };
  return { url: `${target.url}/api/v1/me`, headers: { "X-Argilla-Api-Key": target.token } };
}

/** The account the token belongs to, from the answer of the kind's identity endpoint. */
function accountName(kind: Target["kind"], body: unknown): string | null {
  const record = (body ?? {}) as { name?: unknown; username?: unknown };
  const name = kind === "hub" ? record.name : (record.username ?? record.name);
  return typeof name === "string" ? name : null;
}

export async function runIntegrationTest(db: PrismaClient, target: Target): Promise<IntegrationTestResult> {
  const testedAt = new Date();
  const { url, headers } = request(target);
  let result: IntegrationTestResult;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(TEST_TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 ? " — the token is missing, wrong or expired; enter a new one" : "";
      throw new Error(`${url} answered HTTP ${response.status}${hint}: ${text.slice(0, 300)}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${url} answered HTTP ${response.status} but not with JSON; is the URL the ${target.kind === "hub" ? "Hub endpoint" : "Argilla server"}?`);
    }
    const account = accountName(target.kind, body);
    result = { ok: true, account, testedAt, message: account ? `OK: signed in as ${sanitizeProviderMessage(account, [target.token]).slice(0, 80)}` : "OK: the token was accepted" };
  } catch (error) {
    result = { ok: false, account: null, testedAt, message: sanitizeProviderMessage(describeProviderError(error), [target.token]) };
  }
  await saveIntegrationTestResult(db, target.id, { ok: result.ok, message: result.message, at: testedAt });
  return result;
}
