// The database's clock seen from this process. Reserved starts are database
// times; sleeping "waitMs after the answer" would start early when the query
// sat in a slow connection set-up and late when the answer sat in a busy event
// loop. As NTP does, trust the round trip with the smallest delay, and say how
// uncertain the conversion is: callers wake at the latest and count lateness
// from the earliest possible local time, so an uncertain clock errs safe.

/** Allowed drift between the two clocks, ms per ms (100 ppm), which ages a sample. */
const DRIFT = 1e-4;

export class DatabaseClock {
  private best?: { offsetMs: number; rttMs: number; at: number };

  /** One round trip: sent and received on the local clock, `dbNowMs` read by the database in between. */
  observe(sentAt: number, receivedAt: number, dbNowMs: number): void {
    const rttMs = receivedAt - sentAt;
    if (this.best === undefined || rttMs <= this.uncertainty(receivedAt) * 2) {
      this.best = { offsetMs: dbNowMs - (sentAt + rttMs / 2), rttMs, at: receivedAt };
    }
  }

  /** The local times a database time may correspond to. */
  toLocal(dbTimeMs: number, now = Date.now()): { earliest: number; latest: number } {
    const local = dbTimeMs - (this.best?.offsetMs ?? 0);
    const spread = this.best ? this.uncertainty(now) : 0;
    return { earliest: local - spread, latest: local + spread };
  }

  private uncertainty(now: number): number {
    return this.best!.rttMs / 2 + (now - this.best!.at) * DRIFT;
  }
}
