import type { ModelLimits } from "@/lib/designs/model-schema";

/** The part of a model reference the limiter needs. */
export type LimitedRef = { connectionId: string; connectionName?: string; limits: ModelLimits };

export type CallRequest = {
  /** Input + expected output tokens, reserved against TPM before the call (see estimateTokens). */
  estimatedTokens?: number;
};

export type CallOutcome = {
  ok: boolean;
  /** Actual tokens: corrects the TPM reservation. */
  usage?: { inputTokens: number; outputTokens: number };
  /** HTTP requests the permit covered (1 + repairs; 0 = unused); extra ones are debited after the fact. */
  calls?: number;
  rateLimited?: boolean;
  retryAfterMs?: number;
  headers?: Record<string, string>;
};

export interface Permit {
  /** How long the call waited for its start (rate, pause, queue). */
  readonly waitedMs: number;
  /** Never rejects: a limiter bookkeeping failure must not fail the item. */
  release(outcome: CallOutcome): Promise<void>;
}

export type LimiterOptions = {
  /** The quota window (60 s). Tests shrink it to check minute quotas in seconds. */
  windowMs?: number;
  /** Concurrency slot lease; renewed every third of it while the call runs, so a crashed worker's slot returns within it. */
  leaseMs?: number;
  /** How often a connection with nothing configured re-reads the shared state (to follow other processes' switch to adaptive). */
  refreshMs?: number;
  random?: () => number;
  log?: (line: string) => void;
};

export type ResolvedLimiterOptions = Required<Omit<LimiterOptions, "log">> & { log: (line: string) => void };

export function resolveLimiterOptions(options: LimiterOptions = {}): ResolvedLimiterOptions {
  return {
    windowMs: options.windowMs ?? 60_000,
    leaseMs: options.leaseMs ?? 30_000,
    refreshMs: options.refreshMs ?? 1_000,
    random: options.random ?? Math.random,
    log: options.log ?? (() => undefined),
  };
}
