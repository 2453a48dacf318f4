// What the batch steps need from the queue and the worker's settings.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { batchClientFor, type BatchClient } from "@/server/llm/batch";
import type { ModelRef } from "@/server/llm/model-ref";
import { resolveApiKey } from "@/server/llm/registry";
import { getConnectionApiKey } from "@/server/providers/service";

export type BatchDeps = {
  /** Most requests in one batch; the provider's own limit applies when this is larger or unset. */
  maxRequests?: number;
  /** Lease of an item claimed to store its answer; a poller that dies leaves it to online calls after this. */
  leaseSeconds: number;
  /** Asks for the batch to be polled after the poll interval. */
  schedulePoll(batchId: string): Promise<void>;
  /** Hands items that fell back to online calls to the work-item queue. */
  enqueueOnline(workItemIds: string[]): Promise<void>;
};

/** The batch API of the ref's connection, with its decrypted key. */
export async function batchClientOf(db: PrismaClient, ref: ModelRef): Promise<BatchClient> {
  return batchClientFor(ref, await resolveApiKey(ref, (keyRef) => getConnectionApiKey(db, keyRef.connectionId)));
}
