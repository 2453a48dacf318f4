import type { PrismaClient } from "@/server/generated/prisma/client";

export type InlineConnectionInput = { name: string; baseUrl: string; apiKeyEnv: string | null; rpm: number | null; tpm: number | null; rpd: number | null; maxConcurrency: number | null };

/** Inline design-file models share one implicit connection per endpoint + key variable. */
export async function upsertImplicitConnection(db: PrismaClient, input: InlineConnectionInput): Promise<{ id: string; structuredOutputs: boolean; timeoutMs: number | null }> {
  const { name, ...fields } = input;
  return db.providerConnection.upsert({
    where: { name },
    create: { name, kind: "openai_compatible", implicit: true, ...fields },
    update: { rpm: fields.rpm, tpm: fields.tpm, rpd: fields.rpd, maxConcurrency: fields.maxConcurrency },
    select: { id: true, structuredOutputs: true, timeoutMs: true },
  });
}
