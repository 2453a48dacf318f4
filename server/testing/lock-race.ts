// Makes a race happen every time instead of now and then: a table is locked
// from another connection, the racers start and queue up behind the lock, and
// only once `waiters` sessions wait is it let go, so they all go at once.
import pg from "pg";
import type { Db } from "@/server/db";

async function waitForLockWaiters(db: Db, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // Each poll is its own statement outside any transaction, so pg_stat_activity is read afresh.
    const [row] = await db.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} sessions waited for a lock within 10 s`);
}

export async function raceBehindTableLock<T>(database: { db: Db; url: string }, table: string, waiters: number, start: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  const blocker = new pg.Client({ connectionString: database.url });
  await blocker.connect();
  await blocker.query("BEGIN");
  await blocker.query(`LOCK TABLE "${table.replace(/"/g, "")}" IN ACCESS EXCLUSIVE MODE`);
  const racing = Promise.allSettled(start());
  try {
    await waitForLockWaiters(database.db, waiters);
  } finally {
    await blocker.query("COMMIT");
    await blocker.end();
  }
  return racing;
}
