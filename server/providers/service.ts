// Provider connections: one account each (kind, endpoint, encrypted key, limits).
// Keys go in through create/update and never come back out: responses carry
// only whether a key is set and a masked preview.
import { kindInfo, missingKeyMessage, type CreateConnection, type UpdateConnection } from "@/lib/connections/schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, isAppError } from "@/server/errors";
import { decryptApiKey, encryptApiKey, maskApiKey } from "@/server/secrets/api-keys";
import { forgetConnectionApiKey } from "./keys";
import {
  deleteConnectionRow,
  findActiveRunsUsing,
  findConnectionsWithCiphertext,
  findConnectionWithCiphertext,
  insertConnection,
  markJsonSchemaRejected,
  updateConnectionRow,
  type ConnectionRecord,
  type ConnectionWrite,
} from "./queries";
import { runConnectionTest } from "./test-connection";
import { isUniqueViolation } from "@/server/db-errors";

export { resolveDesignModels, toModelRef } from "./design-models";
export { getConnectionApiKey } from "./keys";

/** Called by the engine when a server rejected json_schema and the call fell back to prompt mode. */
export async function rememberJsonSchemaRejected(db: PrismaClient, connectionId: string): Promise<void> {
  if (connectionId === "preview") return;
  await markJsonSchemaRejected(db, connectionId);
}

export type ApiKeyStatus = { set: boolean; preview: string | null; readable: boolean };

function apiKeyStatus(record: ConnectionRecord): ApiKeyStatus {
  if (!record.apiKeyCiphertext) return { set: false, preview: null, readable: true };
  try {
    return { set: true, preview: maskApiKey(decryptApiKey(record.apiKeyCiphertext, record.name)), readable: true };
  } catch (error) {
    // A key saved under another secret still "exists"; the list must load so the user can re-enter it.
    if (isAppError(error)) return { set: true, preview: "••••", readable: false };
    throw error;
  }
}

/** What the API returns: everything but the key itself. */
function toPublicConnection(record: ConnectionRecord) {
  const { apiKeyCiphertext: _ciphertext, lastTestedAt, lastTestOk, lastTestMessage, ...fields } = record;
  return {
    ...fields,
    defaultBaseUrl: kindInfo[record.kind].defaultBaseUrl ?? null,
    apiKey: apiKeyStatus(record),
    lastTest: lastTestedAt ? { at: lastTestedAt, ok: lastTestOk ?? false, message: lastTestMessage ?? "" } : null,
  };
}

export type PublicConnection = ReturnType<typeof toPublicConnection>;

export async function listConnections(db: PrismaClient): Promise<PublicConnection[]> {
  return (await findConnectionsWithCiphertext(db)).map(toPublicConnection);
}

async function requireConnection(db: PrismaClient, id: string): Promise<ConnectionRecord> {
  const record = await findConnectionWithCiphertext(db, id);
  if (!record) throw new AppError("NOT_FOUND", `Provider connection ${id} does not exist.`);
  return record;
}

export async function getConnection(db: PrismaClient, id: string): Promise<PublicConnection> {
  return toPublicConnection(await requireConnection(db, id));
}

function nameTaken(name: string): AppError {
  return new AppError("CONFLICT", `A provider connection named "${name}" already exists. Pick another name.`, [{ path: "name", message: `"${name}" is already taken` }]);
}

function settings(input: CreateConnection | UpdateConnection): Omit<ConnectionWrite, "apiKeyCiphertext"> {
  return {
    name: input.name,
    kind: input.kind,
    baseUrl: input.baseUrl ?? null,
    apiKeyEnv: input.apiKeyEnv ?? null,
    rpm: input.rpm ?? null,
    tpm: input.tpm ?? null,
    rpd: input.rpd ?? null,
    maxConcurrency: input.maxConcurrency ?? null,
    structuredOutputs: input.structuredOutputs,
    timeoutMs: input.timeoutMs ?? null,
  };
}

export async function createConnection(db: PrismaClient, input: CreateConnection): Promise<PublicConnection> {
  let id: string;
  try {
    ({ id } = await insertConnection(db, { ...settings(input), apiKeyCiphertext: input.apiKey ? encryptApiKey(input.apiKey) : null }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return getConnection(db, id);
}

/** Replaces every setting; the key is kept unless a new one is given or `clearApiKey` is set. */
export async function updateConnection(db: PrismaClient, input: UpdateConnection): Promise<PublicConnection> {
  const existing = await requireConnection(db, input.id);
  if (existing.implicit) {
    throw new AppError("PRECONDITION_FAILED", `Connection "${existing.name}" comes from a design file and is read-only: change the model in the design, or create a named connection and reference it with "connection": "<name>".`);
  }
  const apiKeyCiphertext = input.apiKey ? encryptApiKey(input.apiKey) : input.clearApiKey ? null : existing.apiKeyCiphertext;
  if (kindInfo[input.kind].requiresKey && !apiKeyCiphertext && !input.apiKeyEnv) {
    throw new AppError("BAD_REQUEST", missingKeyMessage(input.kind), [{ path: "apiKey", message: missingKeyMessage(input.kind) }]);
  }
  const endpointChanged = existing.kind !== input.kind || (existing.baseUrl ?? null) !== (input.baseUrl ?? null);
  const keyChanged = apiKeyCiphertext !== existing.apiKeyCiphertext || (existing.apiKeyEnv ?? null) !== (input.apiKeyEnv ?? null);
  try {
    await updateConnectionRow(db, input.id, {
      ...settings(input),
      apiKeyCiphertext,
      // A new endpoint may well accept JSON-schema output; forget what the old one taught us.
      ...(endpointChanged ? { jsonSchemaRejected: false } : {}),
      // A test of another endpoint or key says nothing about this one.
      ...(endpointChanged || keyChanged ? { lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : {}),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  forgetConnectionApiKey(input.id);
  return getConnection(db, input.id);
}

export async function deleteConnection(db: PrismaClient, id: string): Promise<{ id: string; name: string }> {
  const existing = await requireConnection(db, id);
  const runs = await findActiveRunsUsing(db, id);
  if (runs.length > 0) {
    const list = runs.map((run) => `${run.datasetName} (run ${run.id}, ${run.status})`).join(", ");
    throw new AppError("PRECONDITION_FAILED", `Connection "${existing.name}" is used by ${runs.length === 5 ? "at least 5" : runs.length} active run${runs.length === 1 ? "" : "s"}: ${list}. Cancel ${runs.length === 1 ? "it" : "them"} or let ${runs.length === 1 ? "it" : "them"} finish, then delete the connection.`);
  }
  // Rows keep their model and lineage; their link to the connection becomes empty.
  await deleteConnectionRow(db, id);
  forgetConnectionApiKey(id);
  return { id, name: existing.name };
}

export async function testConnection(db: PrismaClient, input: { id: string; model?: string }) {
  const connection = await requireConnection(db, input.id);
  return runConnectionTest(db, connection, input.model);
}
