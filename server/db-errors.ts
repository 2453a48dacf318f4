// Telling "the database is away" (restarting, unreachable, connection cut)
// from a real query error, so the engine waits for it instead of failing work
// or crashing: a Postgres restart must cost time, never rows.

/** Postgres SQLSTATEs that say "try again": connection exceptions (08…), shutdown/start-up (57P0x), too many connections, serialization. */
const RETRYABLE_SQLSTATE = /^(08\w{3}|57P0[1-4]|53300|40001|40P01)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** Prisma's codes for an unreachable or closed server, a pool timeout and a transaction whose connection went away. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);
/** What Prisma's pg adapter calls the same conditions. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionWriteConflict"]);
const MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery)|Can't reach database server|server closed the connection|Connection is closed|Transaction already closed/i;

type Inspectable = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };

/** True when `error` (or what it wraps) says the database could not be reached or dropped the connection. */
export function isDbUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Inspectable;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (RETRYABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.kind === "string" && (ADAPTER_KINDS.has(e.kind) || (e.kind === "postgres" && isDbUnavailable({ code: (e as { originalCode?: unknown }).originalCode ?? e.code }, depth + 1)))) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDbUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDbUnavailable(e.cause, depth + 1);
}

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;

/** Jittered exponential backoff for the n-th consecutive failure (1-based). */
export function dbBackoffMs(failures: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - 1, 10));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `step` until it gets through: while the database is unavailable it
 * waits (backoff) and tries again; any other error, or an abort, ends it.
 * Only for steps that are safe to repeat (conditional updates, reads).
 */
export async function retryWhileDbUnavailable<T>(step: () => Promise<T>, options: { signal?: AbortSignal; onRetry?: (error: unknown) => void } = {}): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await step();
    } catch (error) {
      if (!isDbUnavailable(error) || options.signal?.aborted) throw error;
      options.onRetry?.(error);
      await pause(dbBackoffMs(failures), options.signal).catch(() => {
        throw error;
      });
    }
  }
}

/**
 * A logger for a condition that repeats while it lasts (every poll fails while
 * the database restarts): the first line at once, then at most one line per
 * interval with how many were left out.
 */
export function throttledLog(log: (line: string) => void, intervalMs = 10_000) {
  const seen = new Map<string, { at: number; skipped: number }>();
  return (key: string, line: string) => {
    const now = Date.now();
    const last = seen.get(key);
    if (last && now - last.at < intervalMs) {
      last.skipped++;
      return;
    }
    seen.set(key, { at: now, skipped: 0 });
    log(last?.skipped ? `${line} (and ${last.skipped} more like it)` : line);
  };
}

/** The telling line of an error message (Prisma's put the cause last, after the call site). */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? message;
}

/** Prisma's unique-constraint violation (P2002): a name or key that is already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
