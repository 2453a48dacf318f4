// The only Prisma access of provider connections. The ciphertext column is
// omitted by the client by default; only the functions named *WithCiphertext read it.
import type { Prisma, PrismaClient, ProviderKind } from "@/server/generated/prisma/client";

export type InlineConnectionInput = { name: string; kind: ProviderKind; baseUrl: string | null; apiKeyEnv: string | null; rpm: number | null; tpm: number | null; rpd: number | null; maxConcurrency: number | null };

const connectionSelect = {
  id: true,
  name: true,
  kind: true,
  baseUrl: true,
  apiKeyEnv: true,
  rpm: true,
  tpm: true,
  rpd: true,
  maxConcurrency: true,
  structuredOutputs: true,
  timeoutMs: true,
  implicit: true,
  jsonSchemaRejected: true,
  lastTestedAt: true,
  lastTestOk: true,
  lastTestMessage: true,
  createdAt: true,
  updatedAt: true,
  // Read only to compute the masked preview and hasStoredKey; never leaves the service.
  apiKeyCiphertext: true,
} satisfies Prisma.ProviderConnectionSelect;

export type ConnectionRecord = Prisma.ProviderConnectionGetPayload<{ select: typeof connectionSelect }>;

export function findConnectionsWithCiphertext(db: PrismaClient): Promise<ConnectionRecord[]> {
  return db.providerConnection.findMany({ select: connectionSelect, orderBy: [{ implicit: "asc" }, { name: "asc" }] });
}

export function findConnectionWithCiphertext(db: PrismaClient, id: string): Promise<ConnectionRecord | null> {
  return db.providerConnection.findUnique({ where: { id }, select: connectionSelect });
}

export function findConnectionsByNameWithCiphertext(db: PrismaClient, names: string[]): Promise<ConnectionRecord[]> {
  return db.providerConnection.findMany({ where: { name: { in: names } }, select: connectionSelect });
}

export function findCiphertext(db: PrismaClient, id: string): Promise<{ name: string; apiKeyCiphertext: string | null } | null> {
  return db.providerConnection.findUnique({ where: { id }, select: { name: true, apiKeyCiphertext: true } });
}

export type ConnectionWrite = Omit<Prisma.ProviderConnectionUncheckedCreateInput, "id" | "implicit" | "jsonSchemaRejected" | "lastTestedAt" | "lastTestOk" | "lastTestMessage" | "createdAt" | "updatedAt">;

export function insertConnection(db: PrismaClient, data: ConnectionWrite): Promise<{ id: string }> {
  return db.providerConnection.create({ data, select: { id: true } });
}

type LearnedState = { jsonSchemaRejected?: boolean; lastTestedAt?: null; lastTestOk?: null; lastTestMessage?: null };

export function updateConnectionRow(db: PrismaClient, id: string, data: Partial<ConnectionWrite> & LearnedState): Promise<{ id: string }> {
  return db.providerConnection.update({ where: { id }, data, select: { id: true } });
}

export function deleteConnectionRow(db: PrismaClient, id: string): Promise<{ id: string }> {
  return db.providerConnection.delete({ where: { id }, select: { id: true } });
}

export function saveTestResult(db: PrismaClient, id: string, result: { ok: boolean; message: string; at: Date }) {
  return db.providerConnection.update({ where: { id }, data: { lastTestedAt: result.at, lastTestOk: result.ok, lastTestMessage: result.message }, select: { id: true } });
}

/**
 * Runs that may still call the connection. Work items carry the model reference
 * (with its connectionId) in their payload, so that is where the use is recorded.
 */
export function findActiveRunsUsing(db: PrismaClient, connectionId: string): Promise<{ id: string; datasetName: string; status: string }[]> {
  return db.$queryRaw`
    SELECT r.id::text AS id, d.name AS "datasetName", r.status::text AS status
    FROM runs r JOIN datasets d ON d.id = r.dataset_id
    WHERE r.status IN ('queued', 'running', 'paused', 'cancelling')
      AND EXISTS (SELECT 1 FROM work_items w WHERE w.run_id = r.id AND w.payload->'model'->>'connectionId' = ${connectionId})
    ORDER BY r.created_at
    LIMIT 5`;
}

/** Inline design-file models share one implicit connection per endpoint + key variable. */
export async function upsertImplicitConnection(db: PrismaClient, input: InlineConnectionInput): Promise<{ id: string; structuredOutputs: boolean; timeoutMs: number | null; jsonSchemaRejected: boolean }> {
  const { name, ...fields } = input;
  return db.providerConnection.upsert({
    where: { name },
    create: { name, implicit: true, ...fields },
    update: { rpm: fields.rpm, tpm: fields.tpm, rpd: fields.rpd, maxConcurrency: fields.maxConcurrency },
    select: { id: true, structuredOutputs: true, timeoutMs: true, jsonSchemaRejected: true },
  });
}

export function findImplicitConnection(db: PrismaClient, name: string): Promise<{ id: string; structuredOutputs: boolean; timeoutMs: number | null; jsonSchemaRejected: boolean } | null> {
  return db.providerConnection.findUnique({ where: { name }, select: { id: true, structuredOutputs: true, timeoutMs: true, jsonSchemaRejected: true } });
}

/** Remembered for every process: this server rejected json_schema output. */
export function markJsonSchemaRejected(db: PrismaClient, id: string) {
  return db.providerConnection.updateMany({ where: { id, jsonSchemaRejected: false }, data: { jsonSchemaRejected: true } });
}
