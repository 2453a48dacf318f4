// The near-duplicate scan queue. A job carries a scan id; the duplicate_scans
// table owns the state (claiming decides who runs it, so a redelivery is harmless).
import type { PgBoss } from "pg-boss";
import { z } from "zod";

export const DUPLICATE_SCAN_QUEUE = "duplicate-scan";

export const duplicateScanJobSchema = z.object({ scanId: z.uuid() });

// 100k rows take seconds; a crashed scan is retried by pg-boss, and a stale running one is claimed again.
const QUEUE_OPTIONS = { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 1800 } as const;

export async function createDuplicateScanQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(DUPLICATE_SCAN_QUEUE, QUEUE_OPTIONS);
}

export async function sendDuplicateScan(boss: PgBoss, scanId: string): Promise<void> {
  await boss.send(DUPLICATE_SCAN_QUEUE, { scanId });
}
