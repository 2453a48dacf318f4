import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { findRowVersions } from "./version-queries";

/** A row's versions, oldest first: what it replaced and what replaced it. */
export async function getRowVersions(db: PrismaClient, datasetId: string, rowId: string) {
  const versions = await findRowVersions(db, datasetId, rowId);
  if (versions.length === 0) throw new AppError("NOT_FOUND", `Row ${rowId} is not a row of this dataset.`);
  return versions;
}
