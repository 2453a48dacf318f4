// Group commit for the engine's per-item statements (claims, commits): each
// round trip to Postgres costs far more than the work in it, so requests that
// arrive while a statement is in flight go out together in the next one. An
// idle engine sends each request at once (no added latency); a busy one sends
// fewer, larger statements. Each request still gets its own answer.
import { isDbUnavailable } from "@/server/db-errors";

type Pending<I, O> = { input: I; resolve(output: O): void; reject(error: unknown): void };

export type BatchOptions<I> = {
  /** Most requests in one statement. */
  maxItems: number;
  /** A request's share of the statement's size (e.g. its rows); a batch stops growing at maxWeight. */
  weight?: (input: I) => number;
  maxWeight?: number;
};

export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private flushing = false;

  /** `run` answers each input in order; it must be all-or-nothing for the batch. */
  constructor(private readonly run: (inputs: I[]) => Promise<O[]>, private readonly options: BatchOptions<I>) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private take(): Pending<I, O>[] {
    const { maxItems, weight, maxWeight = Infinity } = this.options;
    let total = 0;
    let count = 0;
    while (count < this.queue.length && count < maxItems) {
      total += weight?.(this.queue[count]!.input) ?? 0;
      if (count > 0 && total > maxWeight) break;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.send(this.take());
    } finally {
      this.flushing = false;
    }
  }

  private async send(batch: Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((pending) => pending.input));
      batch.forEach((pending, index) => pending.resolve(outputs[index]!));
    } catch (error) {
      // A database that is away fails everyone (each caller retries); any other error is
      // one request's fault, so each goes again alone and only the culprit fails.
      if (batch.length === 1 || isDbUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const pending of batch) await this.send([pending]);
    }
  }
}

/** One batcher per database client and kind of statement. */
export function batcherFor<K extends object, I, O>(cache: WeakMap<K, Batcher<I, O>>, key: K, create: () => Batcher<I, O>): Batcher<I, O> {
  let batcher = cache.get(key);
  if (!batcher) {
    batcher = create();
    cache.set(key, batcher);
  }
  return batcher;
}
