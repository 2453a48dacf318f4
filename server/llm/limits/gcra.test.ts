import { describe, expect, it } from "vitest";
import { dayKey, exactIntervalMs, nextUtcMidnight, reserve, settleTokens, slotIntervalMs, tokenBucket, type Limits, type PacingState } from "./gcra";

const WINDOW = 60_000;
const fresh = (): PacingState => ({ nextSlotAt: 0, dayCount: 0 });

/** Reserves `count` starts as fast as the limiter allows, with a clock that jumps to each granted start. */
function drain(limits: Limits, count: number, options: { start?: number; tokens?: number; u?: () => number } = {}) {
  let state = fresh();
  let now = options.start ?? 1_000_000;
  const starts: number[] = [];
  while (starts.length < count) {
    const result = reserve(state, now, { limits, estimatedTokens: options.tokens ?? 0, windowMs: WINDOW, horizonMs: 2000, u: options.u?.() ?? 0.5 });
    state = result.state;
    if (result.reservation.kind === "reserved") starts.push(result.reservation.startAt);
    else if (result.reservation.kind === "later") now = result.reservation.retryAt;
    else break;
  }
  return { starts, state };
}

function maxInWindow(starts: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe("GCRA pacing", () => {
  it("spaces starts by the window over the rpm, stretched by the safety margin", () => {
    expect(exactIntervalMs(600, WINDOW)).toBeCloseTo(101, 5);
    const { starts } = drain({ rpm: 600 }, 5, { u: () => 0 });
    expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual([101, 101, 101, 101]);
  });

  it("rounds the interval to whole ms without bias", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const intervals = Array.from({ length: 10_000 }, () => slotIntervalMs(6000, WINDOW, random()));
    expect(new Set(intervals)).toEqual(new Set([10, 11]));
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    expect(mean).toBeCloseTo(exactIntervalMs(6000, WINDOW), 1);
  });

  it("never lets rpm starts into one sliding window, even from an idle start (no burst)", () => {
    const { starts } = drain({ rpm: 120 }, 600, { u: Math.random });
    expect(maxInWindow(starts, WINDOW)).toBeLessThanOrEqual(120);
    expect(starts[0]).toBe(1_000_000);
  });

  it("does not reserve beyond the horizon and says when to ask again", () => {
    const state: PacingState = { nextSlotAt: 10_000, dayCount: 0 };
    const result = reserve(state, 5_000, { limits: { rpm: 60 }, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0 });
    expect(result.reservation).toEqual({ kind: "later", retryAt: 8_000 });
    expect(result.state).toBe(state);
  });

  it("starts nothing before a pause ends", () => {
    const result = reserve({ nextSlotAt: 0, pausedUntil: 6_500, dayCount: 0 }, 5_000, { limits: {}, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0 });
    expect(result.reservation).toEqual({ kind: "reserved", startAt: 6_500 });
  });
});

describe("TPM token bucket", () => {
  it("bursts a tenth of the quota, then paces so no window exceeds the quota", () => {
    const tpm = 10_000;
    expect(tokenBucket(tpm, WINDOW).capacity).toBe(1_000);
    const { starts } = drain({ tpm }, 200, { tokens: 250 });
    expect(starts.slice(0, 4).every((s) => s === starts[0])).toBe(true);
    expect(maxInWindow(starts, WINDOW) * 250).toBeLessThanOrEqual(tpm);
  });

  it("a call larger than the bucket waits for a full bucket and leaves it in debt", () => {
    const first = reserve(fresh(), 0, { limits: { tpm: 6_000 }, estimatedTokens: 5_000, windowMs: WINDOW, horizonMs: 60_000, u: 0 });
    expect(first.reservation).toEqual({ kind: "reserved", startAt: 0 });
    expect(first.state.tokens).toBe(600 - 5_000);
    const second = reserve(first.state, 0, { limits: { tpm: 6_000 }, estimatedTokens: 100, windowMs: WINDOW, horizonMs: 60_000, u: 0 });
    // 4,500 tokens of debt at 90 tokens/s: 50 s.
    expect(second.reservation).toEqual({ kind: "reserved", startAt: 50_000 });
  });

  it("settling gives back an over-estimate, capped at the bucket", () => {
    const state: PacingState = { nextSlotAt: 0, dayCount: 0, tokens: 100, tokensAt: 0 };
    expect(settleTokens(state, 6_000, WINDOW, 500, 200).tokens).toBe(400);
    expect(settleTokens(state, 6_000, WINDOW, 5_000, 0).tokens).toBe(600);
    expect(settleTokens(state, 6_000, WINDOW, 100, 300).tokens).toBe(-100);
  });
});

describe("RPD", () => {
  it("counts per UTC day and refuses once the day is used up", () => {
    const now = Date.UTC(2026, 10, 25, 23, 0);
    let state = fresh();
    for (let i = 0; i < 3; i++) state = reserve(state, now, { limits: { rpd: 3 }, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0 }).state;
    expect(state).toMatchObject({ day: "2026-11-25", dayCount: 3 });
    const refused = reserve(state, now, { limits: { rpd: 3 }, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0 });
    expect(refused.reservation).toEqual({ kind: "daily_limit", used: 3, resetsAt: Date.UTC(2026, 10, 26) });
    const tomorrow = reserve(state, Date.UTC(2026, 10, 26, 0, 1), { limits: { rpd: 3 }, estimatedTokens: 0, windowMs: WINDOW, horizonMs: 2000, u: 0 });
    expect(tomorrow.reservation.kind).toBe("reserved");
    expect(tomorrow.state).toMatchObject({ day: "2026-11-26", dayCount: 1 });
  });

  it("names days and midnights in UTC", () => {
    expect(dayKey(Date.UTC(2026, 0, 31, 23, 59, 59))).toBe("2026-01-31");
    expect(nextUtcMidnight(Date.UTC(2026, 0, 31, 12))).toBe(Date.UTC(2026, 1, 1));
  });
});
