import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { startWorker, type RunningWorker } from "./worker";

export function startWorkerFromEnv(log: (line: string) => void): Promise<RunningWorker> {
  const env = getEnv();
  return startWorker({
    db: getDb(), connectionString: env.DATABASE_URL, batchSize: env.WORKER_BATCH_SIZE, concurrency: env.WORKER_CONCURRENCY, timeoutMs: env.LLM_TIMEOUT_MS, leaseSeconds: env.WORK_ITEM_LEASE_SECONDS,
    batch: { pollSeconds: env.PROVIDER_BATCH_POLL_SECONDS, maxRequests: env.PROVIDER_BATCH_MAX_REQUESTS }, log,
  });
}
