// Pacing arithmetic, pure (the clock is a parameter). The shared limiter runs the
// same arithmetic inside one UPDATE (server/llm/queries.ts); the in-process one
// for previews runs it here. Both must stay in step.

/**
 * Providers count requests over a sliding window, so there is no burst: starts
 * are spaced evenly (GCRA with zero tolerance). The window is stretched by a
 * margin (600 ms per minute; jitter is absolute, so never under 50 ms for short
 * test windows) so that jitter never squeezes `rpm + 1` requests into one
 * window. What the limiter cannot see is the time from permit to provider:
 * 5–120 ms in a steady run, up to ~400 ms for the first calls of a run, when
 * every worker slot claims an item at once and the pool is busy; those early
 * calls share windows with on-time calls a minute later.
 */
export const RPM_MARGIN = 0.01;
const MIN_MARGIN_MS = 50;
/**
 * Permit lateness the margin absorbs (300 ms of a 60 s window); a later permit
 * moves the shared schedule. The other half of the margin is for the delay
 * from permit to provider, which the limiter cannot see. Every move costs
 * throughput for good, so only lateness that could break the quota moves it.
 */
export const LATE_SHARE_OF_MARGIN = 0.5;

export function marginMs(windowMs: number): number {
  return Math.max(MIN_MARGIN_MS, windowMs * RPM_MARGIN);
}

/** TPM bucket: a tenth of the quota may burst, the rest refills over the window, so any window stays within the quota. */
export const TPM_BURST = 0.1;

export type Limits = { rpm?: number; tpm?: number; rpd?: number };

export type PacingState = {
  nextSlotAt: number;
  pausedUntil?: number;
  tokens?: number;
  tokensAt?: number;
  day?: string;
  dayCount: number;
};

export type Reservation =
  | { kind: "reserved"; startAt: number }
  | { kind: "later"; retryAt: number }
  | { kind: "daily_limit"; used: number; resetsAt: number };

export function exactIntervalMs(rpm: number, windowMs: number): number {
  return (windowMs + marginMs(windowMs)) / rpm;
}

/**
 * Whole milliseconds (next_slot_at is timestamp(3)), rounded up or down at random
 * in proportion to the fraction: always rounding would bias the rate by up to
 * one ms per slot, which is 10 % at 6,000 rpm. `u` is uniform in [0, 1).
 */
export function slotIntervalMs(rpm: number | undefined, windowMs: number, u: number): number {
  if (!rpm || rpm <= 0) return 0;
  return Math.floor(exactIntervalMs(rpm, windowMs) + u);
}

export function tokenBucket(tpm: number, windowMs: number) {
  return { capacity: tpm * TPM_BURST, perMs: (tpm * (1 - TPM_BURST)) / windowMs };
}

export function dayKey(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

/** Tokens in the bucket at `at` (≥ tokensAt); a fresh bucket is full. */
export function tokensAt(state: PacingState, tpm: number, windowMs: number, at: number): number {
  const { capacity, perMs } = tokenBucket(tpm, windowMs);
  if (state.tokens === undefined || state.tokensAt === undefined) return capacity;
  return Math.min(capacity, state.tokens + Math.max(0, at - state.tokensAt) * perMs);
}

/**
 * Reserves the next start for one call: after the previous slot, after any
 * pause, and once the bucket holds the call's tokens (a call larger than the
 * bucket waits for a full bucket and leaves it in debt). Slots further than
 * `horizonMs` ahead are not reserved, so a long queue neither pins far-future
 * slots nor ignores a pause or a rate change decided meanwhile.
 */
export function reserve(
  state: PacingState,
  now: number,
  input: { limits: Limits; rate?: number; estimatedTokens: number; windowMs: number; horizonMs: number; u: number },
): { state: PacingState; reservation: Reservation } {
  const today = dayKey(now);
  const used = state.day === today ? state.dayCount : 0;
  if (input.limits.rpd !== undefined && used >= input.limits.rpd) {
    return { state, reservation: { kind: "daily_limit", used, resetsAt: nextUtcMidnight(now) } };
  }
  const rpm = input.rate ?? input.limits.rpm;
  let start = Math.max(state.nextSlotAt, now, state.pausedUntil ?? now);
  const tpm = input.limits.tpm;
  if (tpm !== undefined) {
    const { capacity, perMs } = tokenBucket(tpm, input.windowMs);
    const need = Math.min(input.estimatedTokens, capacity);
    const base = state.tokensAt ?? now;
    const level = state.tokens ?? capacity;
    start = Math.max(start, base + Math.max(0, need - level) / perMs);
  }
  if (start > now + input.horizonMs) return { state, reservation: { kind: "later", retryAt: start - input.horizonMs } };
  const next: PacingState = {
    ...state,
    nextSlotAt: start + slotIntervalMs(rpm, input.windowMs, input.u),
    day: today,
    dayCount: used + 1,
  };
  if (tpm !== undefined) {
    next.tokens = tokensAt(state, tpm, input.windowMs, start) - input.estimatedTokens;
    next.tokensAt = start;
  }
  return { state: next, reservation: { kind: "reserved", startAt: start } };
}

/** After the call: give back what the estimate over-reserved, or take the excess. */
export function settleTokens(state: PacingState, tpm: number, windowMs: number, estimated: number, actual: number): PacingState {
  if (state.tokens === undefined) return state;
  const { capacity } = tokenBucket(tpm, windowMs);
  return { ...state, tokens: Math.min(capacity, state.tokens + estimated - actual) };
}
