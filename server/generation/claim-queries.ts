// Claiming work items (part of the generation feature's queries): one
// conditional UPDATE decides who runs an item. Claims that arrive together
// share a statement (batcher.ts); each still gets only its own item.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { poolOf } from "@/server/db";
import { Batcher, batcherFor } from "./batcher";

/**
 * Default lease of a claimed item. The worker renews it while the item's call
 * runs (server/jobs/recovery.ts), so it only bounds how long a dead worker's items wait.
 */
export const LEASE_SECONDS = 60;

export type ClaimedItem = { id: string; runId: string; payload: unknown; attempts: number; expectedRows: number; datasetId: string };

type Claim = { workItemId: string; workerId: string; leaseSeconds: number };

/** Claims the item (pending, or running on a lease that ran out) of a queued or running run, and marks a queued run started. */
export function claimWorkItem(db: PrismaClient, workItemId: string, workerId: string, leaseSeconds = LEASE_SECONDS): Promise<ClaimedItem | undefined> {
  return claimerFor(db).submit({ workItemId, workerId, leaseSeconds });
}

const claimers = new WeakMap<PrismaClient, Batcher<Claim, ClaimedItem | undefined>>();

function claimerFor(db: PrismaClient) {
  return batcherFor(claimers, db, () => new Batcher((claims: Claim[]) => claimItems(db, claims), { maxItems: 500 }));
}

const CLAIM_SQL = `
    WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(id uuid, worker text, lease int)),
    claimed AS (
      UPDATE work_items w
         SET status = 'running', attempts = w.attempts + 1, claimed_by = i.worker,
             lease_expires_at = now() + make_interval(secs => i.lease), updated_at = now()
        FROM input i, runs r
       WHERE w.id = i.id AND r.id = w.run_id
         AND r.status IN ('queued', 'running')
         AND (w.status = 'pending' OR (w.status = 'running' AND w.lease_expires_at < now()))
   RETURNING w.id, w.run_id AS "runId", w.payload, w.attempts, w.expected_rows AS "expectedRows", r.dataset_id AS "datasetId", r.status AS "runStatus"
    ), started AS (
      UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id IN (SELECT "runId" FROM claimed WHERE "runStatus" = 'queued') AND status = 'queued'
    )
    SELECT id, "runId", payload, attempts, "expectedRows", "datasetId" FROM claimed`;

async function claimItems(db: PrismaClient, claims: Claim[]): Promise<(ClaimedItem | undefined)[]> {
  // An item asked for twice in one batch goes to the first asker only.
  const first = new Map(claims.map((claim, index) => [claim.workItemId, index] as const).reverse());
  const input = JSON.stringify(claims.filter((claim, index) => first.get(claim.workItemId) === index).map((claim) => ({ id: claim.workItemId, worker: claim.workerId, lease: claim.leaseSeconds })));
  // Straight to the pool, prepared once per connection: this runs for every item (see commit-queries.ts).
  const { rows } = await poolOf(db).query<ClaimedItem>({ name: "datafast-claim-items", text: CLAIM_SQL, values: [input] });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return claims.map((claim, index) => (first.get(claim.workItemId) === index ? byId.get(claim.workItemId) : undefined));
}
