// The only Prisma access of integration connections. The token ciphertext is
// omitted by the client by default; only the functions named *WithCiphertext read it.
import type { IntegrationKind, Prisma, PrismaClient } from "@/server/generated/prisma/client";

const integrationSelect = {
  id: true,
  name: true,
  kind: true,
  url: true,
  owner: true,
  workspace: true,
  lastTestedAt: true,
  lastTestOk: true,
  lastTestMessage: true,
  createdAt: true,
  updatedAt: true,
  // Read only to compute the masked hint; never leaves the service.
  tokenCiphertext: true,
} satisfies Prisma.IntegrationConnectionSelect;

export type IntegrationRecord = Prisma.IntegrationConnectionGetPayload<{ select: typeof integrationSelect }>;

export function findIntegrationsWithCiphertext(db: PrismaClient, kind?: IntegrationKind): Promise<IntegrationRecord[]> {
  return db.integrationConnection.findMany({ where: kind ? { kind } : {}, select: integrationSelect, orderBy: [{ kind: "asc" }, { name: "asc" }] });
}

export function findIntegrationWithCiphertext(db: PrismaClient, id: string): Promise<IntegrationRecord | null> {
  return db.integrationConnection.findUnique({ where: { id }, select: integrationSelect });
}

export type IntegrationWrite = Pick<Prisma.IntegrationConnectionUncheckedCreateInput, "name" | "kind" | "url" | "tokenCiphertext" | "owner" | "workspace">;

export function insertIntegration(db: PrismaClient, data: IntegrationWrite): Promise<{ id: string }> {
  return db.integrationConnection.create({ data, select: { id: true } });
}

type ClearedTest = { lastTestedAt?: null; lastTestOk?: null; lastTestMessage?: null };

export function updateIntegrationRow(db: PrismaClient, id: string, data: IntegrationWrite & ClearedTest): Promise<{ id: string }> {
  return db.integrationConnection.update({ where: { id }, data, select: { id: true } });
}

export function deleteIntegrationRow(db: PrismaClient, id: string): Promise<{ id: string }> {
  return db.integrationConnection.delete({ where: { id }, select: { id: true } });
}

export function saveIntegrationTestResult(db: PrismaClient, id: string, result: { ok: boolean; message: string; at: Date }) {
  return db.integrationConnection.update({ where: { id }, data: { lastTestedAt: result.at, lastTestOk: result.ok, lastTestMessage: result.message }, select: { id: true } });
}
