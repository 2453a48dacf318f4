// Pull reviewers' answers back from Argilla: every record with a submitted or discarded
// response, mapped to a review (review-changes.ts) and applied through the review
// actions as `argilla:<username>`, so history and undo cover them like any review.
// A row a person reviewed in the app since the last push, differently, is a conflict:
// reported and left alone unless `overwrite` is set.
import "server-only";
import type { ArgillaPullReport } from "@/lib/exports/argilla-input";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import { applyBulkAction, editRow, rateRow, type ReviewDataset } from "@/server/review/actions";
import type { ArgillaClient, ArgillaRecord } from "./client";
import { argillaFailure } from "./errors";
import { findRowsWithReviews, markPulled, type ArgillaLinkRecord } from "./queries";
import { desiredReview, hasDifference, reviewDifferences, type CurrentReview, type DesiredReview } from "./review-changes";
import type { ArgillaSettings } from "./settings";

const PAGE = 500;
const LISTED = 100;
export const ARGILLA_ACTOR_PREFIX = "argilla:";

export type PullReport = ArgillaPullReport & { actionIds: string[] };

type Planned = { rowId: string; actor: string; desired: DesiredReview; differences: ReturnType<typeof reviewDifferences> };

/** The answer that counts: the latest submitted or discarded response (drafts are work in progress). */
function finalResponse(record: ArgillaRecord) {
  const done = (record.responses ?? []).filter((response) => response.status !== "draft");
  return done.sort((a, b) => (a.updated_at ?? "").localeCompare(b.updated_at ?? "")).at(-1);
}

async function usernames(client: ArgillaClient, workspaceId: string): Promise<Map<string, string>> {
  try {
    return new Map((await client.listWorkspaceUsers(workspaceId)).map((user) => [user.id, user.username]));
  } catch {
    // Annotators may not list users: the user id then names the reviewer.
    return new Map();
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function applyPlanned(db: PrismaClient, dataset: ReviewDataset, planned: Planned[]): Promise<string[]> {
  const actionIds: string[] = [];
  for (const plan of planned.filter((p) => p.differences.edit)) {
    actionIds.push((await editRow(db, dataset, { rowId: plan.rowId, data: plan.desired.editedData ?? null, reviewer: plan.actor })).actionId);
  }
  for (const plan of planned.filter((p) => p.differences.rating)) {
    actionIds.push((await rateRow(db, dataset, { rowId: plan.rowId, rating: plan.desired.rating ?? null, reviewer: plan.actor })).actionId);
  }
  // Labels and statuses: one review action per reviewer and value, like a bulk action in the app.
  for (const group of groupBy(planned.filter((p) => p.differences.labels), (p) => `${p.actor}\n${JSON.stringify(p.desired.labels)}`).values()) {
    const result = await applyBulkAction(db, dataset, { target: { ids: group.map((p) => p.rowId) }, action: { kind: "labels", labels: group[0]!.desired.labels ?? [] }, reviewer: group[0]!.actor });
    if (result.actionId) actionIds.push(result.actionId);
  }
  for (const group of groupBy(planned.filter((p) => p.differences.status), (p) => `${p.actor}\n${p.desired.status}`).values()) {
    const kind = group[0]!.desired.status === "accepted" ? "accept" : "reject";
    const result = await applyBulkAction(db, dataset, { target: { ids: group.map((p) => p.rowId) }, action: { kind }, reviewer: group[0]!.actor });
    if (result.actionId) actionIds.push(result.actionId);
  }
  return actionIds;
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
  const report: PullReport = { fetched: 0, changed: 0, unchanged: 0, conflicts: 0, conflictRowIds: [], invalid: 0, invalidRows: [], actionIds: [] };
  const invalid = (rowId: string, message: string) => {
    report.invalid += 1;
    if (report.invalidRows.length < LISTED) report.invalidRows.push({ rowId, message });
  };
  const names = await usernames(client, link.workspaceId);
  const query = { filters: { and: [{ type: "terms" as const, scope: { entity: "response" as const, property: "status" as const }, values: ["submitted" as const, "discarded" as const] }] } };

  for (let offset = 0; ; offset += PAGE) {
    let page;
    try {
      page = await client.searchRecords(link.argillaDatasetId, query, { offset, limit: PAGE });
    } catch (error) {
      argillaFailure(error, "return the dataset's responses", input.connectionName);
    }
    const answered = page.items.map((item) => ({ record: item.record, response: finalResponse(item.record) })).filter((item) => item.response && item.record.external_id);
    report.fetched += answered.length;
    const rows = new Map((await findRowsWithReviews(db, dataset.id, answered.map((item) => item.record.external_id!).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))).map((row) => [row.id, row]));
    const planned: Planned[] = [];
    for (const { record, response } of answered) {
      const rowId = record.external_id!;
      const row = rows.get(rowId);
      if (!row) {
        invalid(rowId, "no row of this dataset has this id any more (deleted since the push)");
        continue;
      }
      const current: CurrentReview | null = row.review ? { ...row.review, editedData: (row.review.editedData as Record<string, unknown> | null) ?? null } : null;
      const values = Object.fromEntries(Object.entries(response!.values ?? {}).map(([name, entry]) => [name, entry.value]));
      const outcome = desiredReview({ type: dataset.type, info, corrections: settings.corrections, original: row.data as Record<string, unknown>, current }, { status: response!.status as "submitted" | "discarded", values });
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
        report.conflicts += 1;
        if (report.conflictRowIds.length < LISTED) report.conflictRowIds.push(rowId);
        continue;
      }
      const userId = response!.user_id ?? "unknown";
      planned.push({ rowId, actor: `${ARGILLA_ACTOR_PREFIX}${names.get(userId) ?? userId}`.slice(0, 100), desired: outcome.desired, differences });
    }
    report.actionIds.push(...(await applyPlanned(db, dataset, planned)));
    report.changed += planned.length;
    if (page.items.length < PAGE || offset + PAGE >= page.total) break;
  }
  const { actionIds: _ids, ...counts } = report;
  await markPulled(db, link.id, pulledAt, counts);
  return report;
}
