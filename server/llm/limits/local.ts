// In-process limits for calls without a stored connection (previews): nothing to
// share, so the same pacing arithmetic runs on local state and a local semaphore.
import type { CallOutcome, LimitedRef, Permit } from "./types";
import { dailyLimitError } from "./daily-limit";
import { reserve, type PacingState } from "./gcra";
import { parseRateLimitHeaders, pauseMsFrom } from "./headers";
import { sleep } from "./wait";

const WINDOW_MS = 60_000;
const HORIZON_MS = 2_000;

type LocalConnection = { state: PacingState; active: number; queue: (() => void)[] };

const connections = new Map<string, LocalConnection>();

export async function acquireLocal(ref: LimitedRef, estimatedTokens: number, signal?: AbortSignal): Promise<Permit> {
  let connection = connections.get(ref.connectionId);
  if (!connection) {
    connection = { state: { nextSlotAt: 0, dayCount: 0 }, active: 0, queue: [] };
    connections.set(ref.connectionId, connection);
  }
  const local = connection;
  const started = Date.now();
  const max = ref.limits.concurrency ?? Infinity;
  if (local.active >= max) await new Promise<void>((resolve) => local.queue.push(resolve));
  local.active++;
  const free = () => {
    local.active--;
    local.queue.shift()?.();
  };
  try {
    for (;;) {
      const now = Date.now();
      const { state, reservation } = reserve(local.state, now, { limits: ref.limits, estimatedTokens, windowMs: WINDOW_MS, horizonMs: HORIZON_MS, u: Math.random() });
      local.state = state;
      if (reservation.kind === "daily_limit") throw dailyLimitError(ref, reservation.used, reservation.resetsAt - now);
      if (reservation.kind === "later") {
        await sleep(reservation.retryAt - now, signal);
        continue;
      }
      await sleep(reservation.startAt - now, signal);
      break;
    }
  } catch (error) {
    free();
    throw error;
  }
  let released = false;
  return {
    waitedMs: Date.now() - started,
    release: async (outcome: CallOutcome) => {
      if (released) return;
      released = true;
      const pauseMs = Math.max(outcome.retryAfterMs ?? 0, pauseMsFrom(parseRateLimitHeaders(outcome.headers)) ?? 0);
      if (pauseMs > 0) local.state = { ...local.state, pausedUntil: Math.max(local.state.pausedUntil ?? 0, Date.now() + pauseMs) };
      free();
    },
  };
}
