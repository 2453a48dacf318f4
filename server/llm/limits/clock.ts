// The database's clock seen from this process. Reserved starts are database
// times; sleeping "waitMs after the answer" would start early when the query
// sat in a slow connection set-up and late when the answer sat in a busy event
// loop. As NTP does, trust the round trip with the smallest delay.
const SAMPLE_TTL_MS = 60_000;

export class DatabaseClock {
  private best?: { offsetMs: number; rttMs: number; at: number };

  /** One round trip: sent and received on the local clock, `dbNowMs` read by the database in between. */
  observe(sentAt: number, receivedAt: number, dbNowMs: number): void {
    const rttMs = receivedAt - sentAt;
    const stale = this.best === undefined || receivedAt - this.best.at > SAMPLE_TTL_MS;
    if (stale || rttMs <= this.best!.rttMs) this.best = { offsetMs: dbNowMs - (sentAt + rttMs / 2), rttMs, at: receivedAt };
  }

  toLocal(dbTimeMs: number): number {
    return dbTimeMs - (this.best?.offsetMs ?? 0);
  }
}
