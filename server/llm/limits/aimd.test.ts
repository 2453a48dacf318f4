import { describe, expect, it } from "vitest";
import { AIMD, applyRateLimited, cooldownMs, increasedRpm, initialRpm, type AdaptiveState } from "./aimd";
import { reserve, type PacingState } from "./gcra";

const WINDOW = 60_000;

describe("adaptive rate (AIMD)", () => {
  it("starts just below what filled the window, but never crawling", () => {
    expect(initialRpm(300)).toBe(270);
    expect(initialRpm(3)).toBe(AIMD.minStartRpm);
  });

  it("a burst of 429s within the cooldown is one congestion event", () => {
    let state: AdaptiveState = {};
    state = applyRateLimited(state, 0, { recentCalls: 300, firstReport: true, windowMs: WINDOW });
    expect(state).toEqual({ adaptiveRpm: 270, lastDecreaseAt: 0, lastIncreaseAt: undefined });
    for (let at = 1; at < cooldownMs(WINDOW); at += 1000) {
      state = applyRateLimited(state, at, { recentCalls: 300, firstReport: false, windowMs: WINDOW });
    }
    expect(state.adaptiveRpm).toBe(270);
    state = applyRateLimited(state, cooldownMs(WINDOW) + 1, { recentCalls: 300, firstReport: false, windowMs: WINDOW });
    expect(state.adaptiveRpm).toBeCloseTo(270 * AIMD.decrease);
  });

  it("other processes' first 429s of the starting event add what they sent", () => {
    let state = applyRateLimited({}, 0, { recentCalls: 100, firstReport: true, windowMs: WINDOW });
    state = applyRateLimited(state, 50, { recentCalls: 120, firstReport: true, windowMs: WINDOW });
    expect(state.adaptiveRpm).toBeCloseTo(0.9 * 220);
    // Once the rate has grown, a late first report is an ordinary 429.
    const grown = { ...state, lastIncreaseAt: 100 };
    expect(applyRateLimited(grown, 200, { recentCalls: 80, firstReport: true, windowMs: WINDOW }).adaptiveRpm).toBeCloseTo(0.9 * 220);
  });

  it("decreases multiplicatively, never below the floor, and increases additively up to the cap", () => {
    let state: AdaptiveState = { adaptiveRpm: 1.05, lastDecreaseAt: 0 };
    state = applyRateLimited(state, WINDOW, { recentCalls: 0, firstReport: false, windowMs: WINDOW });
    expect(state.adaptiveRpm).toBe(AIMD.minRpm);
    expect(increasedRpm(100, 10)).toBeCloseTo(100 + 10 * AIMD.increasePerSuccess);
    expect(increasedRpm(AIMD.maxRpm, 10)).toBe(AIMD.maxRpm);
  });

  it("converges near a sliding-window quota with few 429s (simulated clock)", () => {
    const quota = 300;
    const admitted: number[] = [];
    let pacing: PacingState = { nextSlotAt: 0, dayCount: 0 };
    let state: AdaptiveState = {};
    let now = 0;
    let sent = 0;
    let rejected = 0;
    // An unpaced burst fills the window first, as a connection with nothing configured does.
    while (admitted.length < quota) admitted.push(now++);
    const minutes = 10;
    while (now < minutes * WINDOW) {
      const rate = state.adaptiveRpm;
      const { state: next, reservation } = reserve(pacing, now, { limits: {}, rate, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0.5 });
      pacing = next;
      if (reservation.kind === "later") {
        now = reservation.retryAt;
        continue;
      }
      if (reservation.kind !== "reserved") throw new Error("no daily limit here");
      now = reservation.startAt;
      sent++;
      while (admitted.length > 0 && admitted[0]! <= now - WINDOW) admitted.shift();
      if (admitted.length < quota) {
        admitted.push(now);
        if (state.adaptiveRpm !== undefined) state = { ...state, adaptiveRpm: increasedRpm(state.adaptiveRpm, 1), lastIncreaseAt: now };
      } else {
        rejected++;
        pacing = { ...pacing, pausedUntil: admitted[0]! + WINDOW };
        state = applyRateLimited(state, now, { recentCalls: state.adaptiveRpm === undefined ? quota : 0, firstReport: state.adaptiveRpm === undefined, windowMs: WINDOW });
      }
    }
    const lastMinute = admitted.length;
    expect(rejected / sent).toBeLessThan(0.05);
    expect(lastMinute).toBeGreaterThanOrEqual(quota * 0.9);
    expect(sent - rejected).toBeGreaterThanOrEqual(minutes * quota * 0.85);
    expect(state.adaptiveRpm).toBeGreaterThan(quota * 0.8);
    expect(state.adaptiveRpm).toBeLessThan(quota * 1.2);
  });
});
