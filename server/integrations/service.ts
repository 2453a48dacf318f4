// Integration connections (Hugging Face Hub, Argilla): endpoint plus an
// encrypted token. Tokens go in through create/update and never come back out:
// responses carry only whether one is set and a masked hint.
import { integrationKindInfo, type CreateIntegration, type IntegrationKind, type UpdateIntegration } from "@/lib/integrations/schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, isAppError } from "@/server/errors";
import { decryptApiKey, encryptApiKey, maskApiKey } from "@/server/secrets/api-keys";
import {
  deleteIntegrationRow,
  findIntegrationsWithCiphertext,
  findIntegrationWithCiphertext,
  insertIntegration,
  updateIntegrationRow,
  type IntegrationRecord,
} from "./queries";
import { runIntegrationTest } from "./test-integration";
import { isUniqueViolation } from "@/server/db-errors";

export type TokenStatus = { set: true; preview: string; readable: boolean };

function decryptToken(record: Pick<IntegrationRecord, "name" | "tokenCiphertext">): string {
  try {
    return decryptApiKey(record.tokenCiphertext, record.name);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(
      "PRECONDITION_FAILED",
      `The stored token of integration connection "${record.name}" cannot be decrypted with this server's secret (DATAFAST_SECRET or .data/secret changed since it was saved). Enter the token again under Settings → Connections.`,
      [{ path: "token", message: "This token cannot be decrypted with this server's secret; enter it again." }],
    );
  }
}

function tokenStatus(record: IntegrationRecord): TokenStatus {
  try {
    return { set: true, preview: maskApiKey(decryptToken(record)), readable: true };
  } catch (error) {
    // The list must still load so the user can re-enter a token saved under another secret.
    if (isAppError(error)) return { set: true, preview: "••••", readable: false };
    throw error;
  }
}

function toPublicIntegration(record: IntegrationRecord) {
  const { tokenCiphertext: _ciphertext, lastTestedAt, lastTestOk, lastTestMessage, ...fields } = record;
  return {
    ...fields,
    token: tokenStatus(record),
    lastTest: lastTestedAt ? { at: lastTestedAt, ok: lastTestOk ?? false, message: lastTestMessage ?? "" } : null,
  };
}

export type PublicIntegration = ReturnType<typeof toPublicIntegration>;

export async function listIntegrations(db: PrismaClient, kind?: IntegrationKind): Promise<PublicIntegration[]> {
  return (await findIntegrationsWithCiphertext(db, kind)).map(toPublicIntegration);
}

async function requireIntegration(db: PrismaClient, id: string, kind?: IntegrationKind): Promise<IntegrationRecord> {
  const record = await findIntegrationWithCiphertext(db, id);
  if (!record) throw new AppError("NOT_FOUND", `Integration connection ${id} does not exist. Add one under Settings → Connections.`);
  if (kind && record.kind !== kind) {
    throw new AppError("BAD_REQUEST", `Connection "${record.name}" is for ${integrationKindInfo[record.kind].label}, not ${integrationKindInfo[kind].label}. Pick a ${integrationKindInfo[kind].label} connection.`, [
      { path: "connectionId", message: `"${record.name}" is not a ${integrationKindInfo[kind].label} connection` },
    ]);
  }
  return record;
}

export async function getIntegration(db: PrismaClient, id: string): Promise<PublicIntegration> {
  return toPublicIntegration(await requireIntegration(db, id));
}

/** Server-only: the endpoint and decrypted token to call a Hub or Argilla server with. Never return it to a client. */
export async function getIntegrationCredentials(db: PrismaClient, id: string, kind: IntegrationKind): Promise<{ name: string; url: string; token: string; owner: string | null; workspace: string | null }> {
  const record = await requireIntegration(db, id, kind);
  return { name: record.name, url: record.url, token: decryptToken(record), owner: record.owner, workspace: record.workspace };
}

function nameTaken(name: string): AppError {
  return new AppError("CONFLICT", `An integration connection named "${name}" already exists. Pick another name.`, [{ path: "name", message: `"${name}" is already taken` }]);
}

function settings(input: CreateIntegration | UpdateIntegration) {
  const url = input.url ?? integrationKindInfo[input.kind].defaultUrl;
  if (!url) throw new AppError("BAD_REQUEST", `url is required for ${integrationKindInfo[input.kind].label}`, [{ path: "url", message: "url is required" }]);
  return {
    name: input.name,
    kind: input.kind,
    url,
    // Each kind keeps only its own default scope, so switching kind leaves no stale value behind.
    owner: input.kind === "hub" ? (input.owner ?? null) : null,
    workspace: input.kind === "argilla" ? (input.workspace ?? null) : null,
  };
}

export async function createIntegration(db: PrismaClient, input: CreateIntegration): Promise<PublicIntegration> {
  if (!input.token) throw new AppError("BAD_REQUEST", "token is required", [{ path: "token", message: "token is required" }]);
  let id: string;
  try {
    ({ id } = await insertIntegration(db, { ...settings(input), tokenCiphertext: encryptApiKey(input.token) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return getIntegration(db, id);
}

/** Replaces every setting; the token is kept unless a new one is given. */
export async function updateIntegration(db: PrismaClient, input: UpdateIntegration): Promise<PublicIntegration> {
  const existing = await requireIntegration(db, input.id);
  const next = settings(input);
  const tokenCiphertext = input.token ? encryptApiKey(input.token) : existing.tokenCiphertext;
  // A test of another endpoint or token says nothing about this one.
  const changed = existing.kind !== next.kind || existing.url !== next.url || tokenCiphertext !== existing.tokenCiphertext;
  try {
    await updateIntegrationRow(db, input.id, { ...next, tokenCiphertext, ...(changed ? { lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : {}) });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return getIntegration(db, input.id);
}

export async function deleteIntegration(db: PrismaClient, id: string): Promise<{ id: string; name: string }> {
  const existing = await requireIntegration(db, id);
  // Past Hub pushes keep their repo and commit; their link to the connection becomes empty.
  await deleteIntegrationRow(db, id);
  return { id, name: existing.name };
}

export async function testIntegration(db: PrismaClient, id: string) {
  const record = await requireIntegration(db, id);
  return runIntegrationTest(db, { id: record.id, kind: record.kind, url: record.url, token: decryptToken(record) });
}
