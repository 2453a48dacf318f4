import type { PrismaClient } from "@/server/generated/prisma/client";

export function findUserPrices(db: PrismaClient) {
  return db.modelPrice.findMany({ orderBy: { model: "asc" }, select: { model: true, inputPerMillion: true, outputPerMillion: true, updatedAt: true } });
}

export function upsertUserPrice(db: PrismaClient, input: { model: string; inputPerMillion: number; outputPerMillion: number }) {
  return db.modelPrice.upsert({
    where: { model: input.model },
    create: { ...input, source: "user" },
    update: { inputPerMillion: input.inputPerMillion, outputPerMillion: input.outputPerMillion, source: "user" },
    select: { model: true },
  });
}

export function deleteUserPrice(db: PrismaClient, model: string) {
  return db.modelPrice.deleteMany({ where: { model } });
}
