// Push a dataset to Argilla: find or create the workspace and the dataset (a name the
// user chose; else the link, then the default name), bring its fields and questions up
// to the design (a draft is completed and published; a published one is updated where
// Argilla allows it, or refused with the way out), then upsert every current row in
// bulks of ≤500 keyed by external_id. A push that failed half-way is simply run again.
import "server-only";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { RECORDS_BULK_MAX, WORKSPACE_NAME_PATTERN } from "./api-types";
import { ArgillaApiError, type ArgillaClient, type ArgillaDataset } from "./client";
import { argillaFailure } from "./errors";
import { findLink, iteratePushRows, markPushed, saveLink, type ArgillaLinkRecord } from "./queries";
import { buildRecord } from "./records";
import { describeSyncProblems, planSettingsSync } from "./question-sync";
import { argillaDatasetName, type ArgillaSettings } from "./settings";

/** `argillaDataset`: the Argilla dataset to push to by name (found or created); without it, the linked one. */
export type PushTarget = { datasetId: string; datasetName: string; connectionId: string; connectionName: string; workspace: string; argillaDataset?: string };
export type PushResult = { linkId: string; argillaDatasetId: string; argillaDatasetName: string; workspace: string; url: string; records: number; created: number; updated: number; bulks: number };

async function step<T>(connection: string, doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    argillaFailure(error, doing, connection);
  }
}

async function ensureWorkspace(client: ArgillaClient, target: PushTarget) {
  const existing = (await step(target.connectionName, "list its workspaces", client.listWorkspaces)).find((w) => w.name === target.workspace);
  if (existing) return existing;
  if (!WORKSPACE_NAME_PATTERN.test(target.workspace)) {
    throw new AppError("BAD_REQUEST", `"${target.workspace}" is not a workspace of this Argilla server, and cannot be created under that name: Argilla workspace names use lowercase letters, digits, - and _ and start with a letter or digit.`);
  }
  return step(target.connectionName, `create the workspace "${target.workspace}"`, () => client.createWorkspace(target.workspace));
}

/** The linked Argilla dataset if it still exists, else one of the same name in the workspace. */
async function findDataset(client: ArgillaClient, target: PushTarget, link: ArgillaLinkRecord | null, workspaceId: string, name: string): Promise<ArgillaDataset | undefined> {
  if (link) {
    try {
      return await client.getDataset(link.argillaDatasetId);
    } catch (error) {
      // Deleted in Argilla since: fall back to the name, then to a new dataset.
      if (!(error instanceof ArgillaApiError && error.status === 404)) argillaFailure(error, "read the linked dataset", target.connectionName);
    }
  }
  const byName = await step(target.connectionName, "list its datasets", () => client.listDatasets({ workspaceId, name }));
  return byName.find((dataset) => dataset.name === name && dataset.workspace_id === workspaceId);
}

/**
 * Brings the dataset's fields and questions up to the design (question-sync.ts): a
 * draft gets what it lacks and outdated questions made anew, then is published; a
 * published one gets its questions' titles, descriptions and option texts updated and
 * missing metadata added, or a clear refusal naming what Argilla cannot change — before
 * any record is sent.
 */
async function ensureSettings(client: ArgillaClient, target: PushTarget, dataset: ArgillaDataset, settings: ArgillaSettings): Promise<Record<string, string>> {
  const c = target.connectionName;
  const draft = dataset.status !== "ready";
  const fields = await step(c, "list the dataset's fields", () => client.listFields(dataset.id));
  const questions = await step(c, "list the dataset's questions", () => client.listQuestions(dataset.id));
  const sync = planSettingsSync({ draft, fields, questions, desiredFields: settings.fields.map(({ key: _key, ...field }) => field), desiredQuestions: settings.questions });
  if (sync.problems.length > 0) throw new AppError("PRECONDITION_FAILED", describeSyncProblems(dataset.name, sync.problems));
  for (const field of sync.createFields) await step(c, `create the field "${field.name}"`, () => client.createField(dataset.id, field));
  for (const question of sync.remove) await step(c, `remove the outdated question "${question.name}"`, () => client.deleteQuestion(question.id));
  for (const question of sync.create) await step(c, `create the question "${question.name}"`, () => client.createQuestion(dataset.id, question));
  for (const { id, name, update } of sync.update) await step(c, `update the question "${name}"`, () => client.updateQuestion(id, update));
  const properties = new Set((await step(c, "list the dataset's metadata properties", () => client.listMetadataProperties(dataset.id))).map((p) => p.name));
  for (const { source: _source, ...property } of settings.metadata) if (!properties.has(property.name)) await step(c, `create the metadata property "${property.name}"`, () => client.createMetadataProperty(dataset.id, property));
  if (draft) await step(c, "publish the dataset", () => client.publishDataset(dataset.id));
  const changed = sync.remove.length + sync.create.length > 0;
  const current = changed ? await step(c, "list the dataset's questions", () => client.listQuestions(dataset.id)) : questions;
  return Object.fromEntries(current.map((q) => [q.name, q.id]));
}

export async function pushToArgilla(db: PrismaClient, client: ArgillaClient, target: PushTarget, settings: ArgillaSettings): Promise<PushResult> {
  const startedAt = new Date();
  await step(target.connectionName, "accept the API key", client.me);
  const workspace = await ensureWorkspace(client, target);
  const link = await findLink(db, { datasetId: target.datasetId, connectionId: target.connectionId, workspaceId: workspace.id });
  const name = target.argillaDataset ?? argillaDatasetName(target.datasetName, target.datasetId);
  // A chosen name wins over the link: the link then moves to that dataset.
  const dataset =
    (await findDataset(client, target, target.argillaDataset ? null : link, workspace.id, name)) ??
    (await step(target.connectionName, `create the dataset "${name}"`, () => client.createDataset({ name, workspaceId: workspace.id, guidelines: settings.guidelines })));
  const questionIds = await ensureSettings(client, target, dataset, settings);
  // Saved before any record goes out, so a retry after a failure finds this dataset again.
  const saved = await saveLink(db, {
    datasetId: target.datasetId,
    connectionId: target.connectionId,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    argillaDatasetId: dataset.id,
    argillaDatasetName: dataset.name,
    questionIds,
    fieldKeys: Object.fromEntries(settings.fields.map((field) => [field.name, field.key])),
  });
  let records = 0;
  let updated = 0;
  let bulks = 0;
  for await (const rows of iteratePushRows(db, target.datasetId, RECORDS_BULK_MAX)) {
    const bulk = rows.map((row) => buildRecord(row, settings, questionIds));
    const answer = await step(target.connectionName, `store records ${records + 1}–${records + bulk.length}`, () => client.upsertRecords(dataset.id, bulk));
    records += bulk.length;
    updated += answer.updated_item_ids?.length ?? 0;
    bulks += 1;
  }
  await markPushed(db, saved.id, startedAt, records);
  return {
    linkId: saved.id,
    argillaDatasetId: dataset.id,
    argillaDatasetName: dataset.name,
    workspace: workspace.name,
    url: argillaDatasetUrl(client.url, dataset.id),
    records,
    created: records - updated,
    updated,
    bulks,
  };
}

/** Where the Argilla UI shows a dataset to annotate. */
export function argillaDatasetUrl(base: string, argillaDatasetId: string): string {
  return `${base.replace(/\/+$/, "")}/dataset/${argillaDatasetId}/annotation-mode`;
}
