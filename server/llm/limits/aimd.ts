// Adaptive rate (AIMD) for connections whose limit nobody configured and no
// header revealed. Pure: the shared limiter applies the same rules in SQL
// (server/llm/queries.ts) so that every process moves one shared rate.

export const AIMD = {
  /** A sliding-window quota first says 429 when the window holds exactly the quota: start just below what was sent in it. */
  startShare: 0.9,
  /** Floor for that start, when this process saw few calls (another one used the quota). */
  minStartRpm: 20,
  minRpm: 1,
  maxRpm: 100_000,
  decrease: 0.85,
  /**
   * rpm added per successful call that waited for its slot. Per call, not per
   * second: the rate then grows ~10 % a minute whatever the quota, and a
   * sliding window overshoots by about half a window of growth before it says 429.
   */
  increasePerSuccess: 0.1,
  /** Share of the window during which further 429s count as the same congestion event. */
  cooldownShare: 0.25,
} as const;

export type AdaptiveState = { adaptiveRpm?: number; lastDecreaseAt?: number; lastIncreaseAt?: number };

export function initialRpm(recentCalls: number): number {
  return Math.min(AIMD.maxRpm, Math.max(AIMD.minStartRpm, recentCalls * AIMD.startShare));
}

export function cooldownMs(windowMs: number): number {
  return windowMs * AIMD.cooldownShare;
}

export function increasedRpm(rpm: number, successes: number): number {
  return Math.min(AIMD.maxRpm, rpm + successes * AIMD.increasePerSuccess);
}

/**
 * One 429 on a connection that paces adaptively. The first one starts the rate
 * from what the reporting process sent in the last window; other processes'
 * first reports within the same event add theirs (together they filled the
 * quota). Later 429s cut the rate once per cooldown: the in-flight calls of
 * one overshoot all come back 429 and must not cut it again and again.
 */
export function applyRateLimited(state: AdaptiveState, now: number, input: { recentCalls: number; firstReport: boolean; windowMs: number }): AdaptiveState {
  const share = initialRpm(input.recentCalls);
  if (state.adaptiveRpm === undefined) return { adaptiveRpm: share, lastDecreaseAt: now, lastIncreaseAt: undefined };
  const inEvent = state.lastDecreaseAt !== undefined && state.lastDecreaseAt > now - cooldownMs(input.windowMs);
  if (inEvent && input.firstReport && state.lastIncreaseAt === undefined) {
    return { ...state, adaptiveRpm: Math.min(AIMD.maxRpm, state.adaptiveRpm + input.recentCalls * AIMD.startShare) };
  }
  if (inEvent) return state;
  return { ...state, adaptiveRpm: Math.max(AIMD.minRpm, state.adaptiveRpm * AIMD.decrease), lastDecreaseAt: now };
}
