// The worker's part in near-duplicate scans: it runs the queued scans.
import type { Job, PgBoss } from "pg-boss";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { runDuplicateScan } from "@/server/insights/duplicates";
import { createDuplicateScanQueue, DUPLICATE_SCAN_QUEUE, duplicateScanJobSchema } from "./duplicate-scan-queue";

export async function startDuplicateScanJobs(options: { boss: PgBoss; db: PrismaClient; log(key: string, line: string): void }): Promise<void> {
  await createDuplicateScanQueue(options.boss);
  await options.boss.work(DUPLICATE_SCAN_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]: Job<unknown>[]) => {
    const { scanId } = duplicateScanJobSchema.parse(job!.data);
    if (await runDuplicateScan(options.db, scanId)) options.log(`duplicate-scan:${scanId}`, `near-duplicate scan ${scanId} finished`);
  });
}
