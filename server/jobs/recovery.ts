// What makes a killed worker cost one lease, not an hour: every live worker
// renews the leases of the items it holds (heartbeat, every lease/3) and
// sweeps (every lease/2) for items of active runs that no job will deliver
// (a dead worker's, once their lease ran out; ones given back after their job
// ended) and enqueues them again. Duplicates are harmless: claiming decides.
// Database errors here are logged and retried: a restarting Postgres only
// delays recovery.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { dbBackoffMs, errorLine, isDbUnavailable, pause } from "@/server/db-errors";
import { cancelActiveRun } from "@/server/generation/lifecycle-queries";
import { findCancellingRunIds, findUndeliveredItems, renewLeases, type QueueTable } from "@/server/generation/recovery-queries";

/** Most items one sweep enqueues; the next sweep takes the rest. */
const SWEEP_LIMIT = 10_000;

export type RecoveryOptions = {
  db: PrismaClient;
  workerId: string;
  leaseSeconds: number;
  table: QueueTable;
  /** Ids of the items this worker is executing now. */
  held(): string[];
  enqueue(workItemIds: string[]): Promise<void>;
  /** (key, line): repeated failures are throttled by key. */
  log(key: string, line: string): void;
};

export type Recovery = {
  /** One sweep now; resolves with how many items it enqueued. */
  sweep(): Promise<number>;
  /** Stops sweeping; the heartbeat goes on until stopHeartbeat (items in flight still need it). */
  stopSweeping(): void;
  stopHeartbeat(): void;
};

/** Runs `step` every `intervalMs` (never two at once); failures back off, other errors are logged. */
function every(intervalMs: number, step: () => Promise<unknown>, onError: (error: unknown) => void) {
  const stop = new AbortController();
  void (async () => {
    let failures = 0;
    while (!stop.signal.aborted) {
      try {
        await step();
        failures = 0;
      } catch (error) {
        onError(error);
        failures++;
      }
      // While failing, retry sooner than the interval: recovery resumes as soon as the database is back.
      const delay = failures > 0 ? Math.min(intervalMs, dbBackoffMs(failures)) : intervalMs;
      await pause(delay, stop.signal).catch(() => undefined);
    }
  })();
  return () => stop.abort();
}

export function startRecovery(options: RecoveryOptions): Recovery {
  const { db, workerId, leaseSeconds, table, log } = options;
  const describe = (error: unknown) => (isDbUnavailable(error) ? `database unavailable (${errorLine(error)}); retrying` : errorLine(error));

  const heartbeat = async () => {
    const held = [...new Set(options.held())];
    await renewLeases(db, workerId, held, leaseSeconds);
  };

  const sweep = async () => {
    const ids = await findUndeliveredItems(db, table, { limit: SWEEP_LIMIT, settleSeconds: leaseSeconds / 2 });
    if (ids.length > 0) {
      await options.enqueue(ids);
      log("sweep", `re-enqueued ${ids.length} work item(s) that no job would deliver`);
    }
    for (const runId of await findCancellingRunIds(db)) await cancelActiveRun(db, runId);
    return ids.length;
  };

  const stopHeartbeat = every((leaseSeconds * 1000) / 3, heartbeat, (error) => log("heartbeat", `lease renewal failed: ${describe(error)}`));
  const stopSweeping = every((leaseSeconds * 1000) / 2, sweep, (error) => log("sweep", `recovery sweep failed: ${describe(error)}`));
  return { sweep, stopSweeping, stopHeartbeat };
}
