// Calls this process started in the last window, in 60 buckets: O(1) per call at
// any rate. At the first 429 it estimates the quota a sliding window enforces.
const BUCKETS = 60;

export class RecentCalls {
  private readonly counts = new Array<number>(BUCKETS).fill(0);
  private readonly stamps = new Array<number>(BUCKETS).fill(-1);

  constructor(private readonly windowMs: number) {}

  private bucket(at: number): number {
    return Math.floor(at / (this.windowMs / BUCKETS));
  }

  /** delta -1 takes back a call that turned out rejected (ignored once its bucket is gone). */
  add(at: number, delta = 1): void {
    const bucket = this.bucket(at);
    const index = bucket % BUCKETS;
    if (this.stamps[index] !== bucket) {
      if (delta < 0) return;
      this.stamps[index] = bucket;
      this.counts[index] = 0;
    }
    this.counts[index]! += delta;
  }

  total(now: number): number {
    const current = this.bucket(now);
    let sum = 0;
    for (let index = 0; index < BUCKETS; index++) {
      if (this.stamps[index]! > current - BUCKETS) sum += this.counts[index]!;
    }
    return Math.max(0, sum);
  }
}
