// Per-connection request pacing and concurrency inside one process. Limits that
// hold across several worker processes arrive with the provider layer (issue 3);
// until then each process paces itself to the configured RPM.
export type LimiterConfig = { rpm?: number; concurrency?: number };

type Waiter = () => void;

export class ConnectionLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private nextSlotAt = 0;
  private pausedUntil = 0;

  constructor(private config: LimiterConfig) {}

  configure(config: LimiterConfig) {
    this.config = config;
  }

  /** Called on 429 with retry-after: nobody on this connection sends until then. */
  pause(ms: number) {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    const max = this.config.concurrency ?? Infinity;
    if (this.active >= max) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.active++;
    const release = () => {
      this.active--;
      this.queue.shift()?.();
    };
    try {
      await this.waitForSlot(signal);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async waitForSlot(signal?: AbortSignal) {
    const interval = this.config.rpm ? 60_000 / this.config.rpm : 0;
    const now = Date.now();
    const at = Math.max(now, this.nextSlotAt, this.pausedUntil);
    this.nextSlotAt = at + interval;
    const wait = at - now;
    if (wait > 0) await sleep(wait, signal);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

const limiters = new Map<string, ConnectionLimiter>();

export function limiterFor(connectionId: string, config: LimiterConfig): ConnectionLimiter {
  let limiter = limiters.get(connectionId);
  if (!limiter) {
    limiter = new ConnectionLimiter(config);
    limiters.set(connectionId, limiter);
  } else {
    limiter.configure(config);
  }
  return limiter;
}
