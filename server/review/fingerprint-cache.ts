// Answers that cost scans of a dataset, kept per dataset while its fingerprint
// (a few index lookups: server/review/facet-queries.ts) is unchanged, for at
// most `maxAgeMs`. A failed computation is not kept; the oldest dataset goes
// when more than `size` are cached.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findFacetsFingerprint } from "./facet-queries";

export type CacheEntry<T> = { fingerprint: string; at: number; promise: Promise<T>; value?: T };

export function fingerprintCache<T>(compute: (db: PrismaClient, datasetId: string) => Promise<T>, options: { maxAgeMs: number; size: number }) {
  const entries = new Map<string, CacheEntry<T>>();
  return {
    async get(db: PrismaClient, datasetId: string): Promise<T> {
      const fingerprint = await findFacetsFingerprint(db, datasetId);
      const cached = entries.get(datasetId);
      if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < options.maxAgeMs) return cached.promise;
      const promise = compute(db, datasetId);
      const entry: CacheEntry<T> = { fingerprint, at: Date.now(), promise };
      promise.then((value) => (entry.value = value)).catch(() => undefined);
      entries.delete(datasetId);
      entries.set(datasetId, entry);
      if (entries.size > options.size) entries.delete(entries.keys().next().value!);
      promise.catch(() => entries.get(datasetId)?.promise === promise && entries.delete(datasetId));
      return promise;
    },
    /** The entry last cached for a dataset, without a query. */
    peek: (datasetId: string): CacheEntry<T> | undefined => entries.get(datasetId),
  };
}
