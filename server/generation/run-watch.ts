// Calls waiting for the limiter (a slot minutes away at a low rpm) must not
// hold a paused or cancelled run open until their slot comes. Each process
// watches the runs it has waiting calls for with one query a second, and
// aborts those waits as soon as their run stops accepting work.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findStoppedRuns } from "./queries";

const POLL_MS = 1_000;

export class RunStoppedError extends Error {
  constructor(readonly runId: string) {
    super(`Run ${runId} stopped accepting work.`);
  }
}

type Watcher = { waits: Map<string, Set<AbortController>>; timer?: NodeJS.Timeout };

const watchers = new WeakMap<PrismaClient, Watcher>();

function watcherFor(db: PrismaClient): Watcher {
  let watcher = watchers.get(db);
  if (!watcher) watchers.set(db, (watcher = { waits: new Map() }));
  return watcher;
}

async function poll(db: PrismaClient, watcher: Watcher): Promise<void> {
  const runIds = [...watcher.waits.keys()];
  if (runIds.length === 0) return;
  // A failed poll (database restarting) just waits for the next one.
  const stopped = await findStoppedRuns(db, runIds).catch(() => []);
  for (const runId of stopped) for (const controller of watcher.waits.get(runId) ?? []) controller.abort(new RunStoppedError(runId));
}

function schedule(db: PrismaClient, watcher: Watcher) {
  if (watcher.timer || watcher.waits.size === 0) return;
  watcher.timer = setTimeout(() => {
    void poll(db, watcher).finally(() => {
      watcher.timer = undefined;
      schedule(db, watcher);
    });
  }, POLL_MS);
  watcher.timer.unref();
}

/** A signal aborted (with RunStoppedError) when the run is paused, cancelled or ended; `done()` when the wait is over. */
export function watchRun(db: PrismaClient, runId: string): { signal: AbortSignal; done(): void } {
  const watcher = watcherFor(db);
  const controller = new AbortController();
  let set = watcher.waits.get(runId);
  if (!set) watcher.waits.set(runId, (set = new Set()));
  set.add(controller);
  schedule(db, watcher);
  return {
    signal: controller.signal,
    done() {
      set.delete(controller);
      if (set.size === 0) watcher.waits.delete(runId);
    },
  };
}
