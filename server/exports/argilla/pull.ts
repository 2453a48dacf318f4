// Pull reviewers' answers back from Argilla: every record with a submitted or discarded
// response, mapped to a review (review-changes.ts) and applied as ONE review action of
// kind `pull` (history: "Argilla pull (N rows)"), each row reviewed by `argilla:<username>`;
// one undo reverts the whole pull. A row a person reviewed in the app since the last
// push, differently, is a conflict: reported and left alone unless `overwrite` is set;
// so is a row whose review changed while the pull ran.
import "server-only";
import type { ArgillaPullReport } from "@/lib/exports/argilla-input";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import { recordPull, type ReviewState } from "@/server/review/actions";
import type { ArgillaSearchQuery } from "./api-types";
import type { ArgillaClient, ArgillaRecord } from "./client";
import { argillaFailure } from "./errors";
import { findRowsWithReviews, markPulled, type ArgillaLinkRecord } from "./queries";
import { desiredReview, hasDifference, reviewDifferences, type CurrentReview } from "./review-changes";
import type { ArgillaSettings } from "./settings";

/** Records per search page (Argilla allows up to 1,000); rows are looked up one page at a time. */
const PAGE = 500;
const LISTED = 100;
const ACTOR_MAX = 100;
export const ARGILLA_ACTOR_PREFIX = "argilla:";

export type PullReport = ArgillaPullReport & { actionId: string | null };

type Differences = ReturnType<typeof reviewDifferences>;
type Planned = { state: ReviewState; differences: Differences; person: string };

/**
 * Answered records, oldest first. Sorting by `inserted_at` (which an answer never
 * changes) keeps offset pages stable while annotators keep answering; unsorted, the
 * search engine may reorder re-indexed records between two pages.
 */
const ANSWERED: ArgillaSearchQuery = {
  filters: { and: [{ type: "terms", scope: { entity: "response", property: "status" }, values: ["submitted", "discarded"] }] },
  sort: [{ scope: { entity: "record", property: "inserted_at" }, order: "asc" }],
};

/** The answer that counts: the latest submitted or discarded response (drafts are work in progress). */
function finalResponse(record: ArgillaRecord) {
  let latest: NonNullable<ArgillaRecord["responses"]>[number] | undefined;
  for (const response of record.responses ?? []) {
    if (response.status !== "draft" && (!latest || (response.updated_at ?? "") >= (latest.updated_at ?? ""))) latest = response;
  }
  return latest;
}

async function usernames(client: ArgillaClient, workspaceId: string): Promise<Map<string, string>> {
  try {
    return new Map((await client.listWorkspaceUsers(workspaceId)).map((user) => [user.id, user.username]));
  } catch {
    // Annotators may not list users: the user id then names the reviewer.
    return new Map();
  }
}

async function* answeredPages(client: ArgillaClient, argillaDatasetId: string, connectionName: string): AsyncGenerator<ArgillaRecord[]> {
  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await client.searchRecords(argillaDatasetId, ANSWERED, { offset, limit: PAGE });
    } catch (error) {
      argillaFailure(error, "return the dataset's responses", connectionName);
    }
    if (page.items.length > 0) yield page.items.map((item) => item.record);
    if (page.items.length < PAGE || offset + PAGE >= page.total) return;
  }
}

/** `argilla:ana, ben`; past 100 characters, `argilla:ana, ben +3 more`. */
export function pullActor(people: readonly string[]): string {
  const sorted = [...new Set(people)].sort();
  for (let shown = sorted.length; shown > 0; shown--) {
    const more = sorted.length - shown;
    const actor = `${ARGILLA_ACTOR_PREFIX}${sorted.slice(0, shown).join(", ")}${more > 0 ? ` +${more} more` : ""}`;
    if (actor.length <= ACTOR_MAX) return actor;
  }
  return `${ARGILLA_ACTOR_PREFIX}${sorted.length} reviewers`.slice(0, ACTOR_MAX);
}

export async function pullFromArgilla(
  db: PrismaClient,
  client: ArgillaClient,
  input: { dataset: { id: string; type: DatasetTypeName; design: unknown }; link: ArgillaLinkRecord; settings: ArgillaSettings; connectionName: string; overwrite: boolean },
): Promise<PullReport> {
  const { dataset, link, settings } = input;
  const pulledAt = new Date();
  const info = reviewDesignInfo(dataset.design);
  const baseline = link.lastPushAt ?? link.createdAt;
  const report: PullReport = { fetched: 0, changed: 0, unchanged: 0, conflicts: 0, conflictRowIds: [], invalid: 0, invalidRows: [], actionId: null };
  const invalid = (rowId: string, message: string) => {
    report.invalid += 1;
    if (report.invalidRows.length < LISTED) report.invalidRows.push({ rowId, message });
  };
  const conflict = (rowId: string) => {
    report.conflicts += 1;
    if (report.conflictRowIds.length < LISTED) report.conflictRowIds.push(rowId);
  };
  const names = await usernames(client, link.workspaceId);
  // Every change of the pull, by row id: applied together at the end, as one action.
  const planned = new Map<string, Planned>();
  const seen = new Set<string>();

  for await (const records of answeredPages(client, link.argillaDatasetId, input.connectionName)) {
    const answered: { rowId: string; response: NonNullable<ReturnType<typeof finalResponse>> }[] = [];
    for (const record of records) {
      const response = finalResponse(record);
      if (!response || !record.external_id || seen.has(record.external_id)) continue;
      seen.add(record.external_id);
      answered.push({ rowId: record.external_id, response });
    }
    report.fetched += answered.length;
    const ids = answered.map((item) => item.rowId).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const rows = new Map((await findRowsWithReviews(db, dataset.id, ids)).map((row) => [row.id, row]));
    for (const { rowId, response } of answered) {
      const row = rows.get(rowId);
      if (!row) {
        invalid(rowId, "no row of this dataset has this id any more (deleted since the push)");
        continue;
      }
      const current: CurrentReview | null = row.review ? { ...row.review, editedData: (row.review.editedData as Record<string, unknown> | null) ?? null } : null;
      const values = Object.fromEntries(Object.entries(response.values ?? {}).map(([name, entry]) => [name, entry.value]));
      const outcome = desiredReview({ type: dataset.type, info, corrections: settings.corrections, original: row.data as Record<string, unknown>, current }, { status: response.status as "submitted" | "discarded", values });
      if (!outcome.ok) {
        invalid(rowId, outcome.message);
        continue;
      }
      const differences = reviewDifferences(current, outcome.desired);
      if (!hasDifference(differences)) {
        report.unchanged += 1;
        continue;
      }
      const byPerson = row.review?.reviewedAt && row.review.reviewedAt > baseline && !(row.review.reviewer ?? "").startsWith(ARGILLA_ACTOR_PREFIX);
      if (byPerson && !input.overwrite) {
        conflict(rowId);
        continue;
      }
      const userId = response.user_id ?? "unknown";
      const person = names.get(userId) ?? userId;
      const { desired } = outcome;
      planned.set(rowId, {
        person,
        differences,
        state: {
          rowId,
          expected: row.review ? { lastActionId: row.review.lastActionId, updatedAt: row.review.updatedAt } : null,
          status: desired.status,
          labels: desired.labels ?? current?.labels ?? [],
          rating: desired.rating ?? current?.rating ?? null,
          editedData: desired.editedData !== undefined ? desired.editedData : (current?.editedData ?? null),
          reviewer: `${ARGILLA_ACTOR_PREFIX}${person}`.slice(0, ACTOR_MAX),
        },
      });
    }
  }

  if (planned.size > 0) {
    const all = [...planned.values()];
    const changes = { status: 0, labels: 0, rating: 0, edit: 0 };
    for (const { differences } of all) for (const kind of Object.keys(changes) as (keyof typeof changes)[]) if (differences[kind]) changes[kind] += 1;
    const people = [...new Set(all.map((plan) => plan.person))].sort();
    const result = await recordPull(db, dataset, {
      states: all.map((plan) => plan.state),
      actor: pullActor(people),
      value: { source: "Argilla", target: `${link.workspaceName}/${link.argillaDatasetName}`, reviewers: people.slice(0, LISTED), changes },
    });
    report.actionId = result.actionId;
    report.changed = result.count;
    // Reviewed while the pull ran (the review is no longer the one read): left alone, like a conflict.
    const applied = new Set(result.applied);
    for (const rowId of planned.keys()) if (!applied.has(rowId)) conflict(rowId);
  }
  const { actionId: _actionId, ...counts } = report;
  await markPulled(db, link.id, pulledAt, counts);
  return report;
}
