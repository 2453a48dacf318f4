// The Argilla export: a stored Argilla connection (url + encrypted API key) and a
// dataset → push for team review, pull the answers back, and what was pushed where.
import "server-only";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { ArgillaPullInput, ArgillaPushInput } from "@/lib/exports/argilla-input";
import { AppError } from "@/server/errors";
import { getIntegrationCredentials } from "@/server/integrations/service";
import { createArgillaClient } from "./client";
import { argillaFailure } from "./errors";
import { pullFromArgilla } from "./pull";
import { argillaDatasetUrl, pushToArgilla } from "./push";
import { countCurrentRows, findLinkById, firstRowKeys, listArgillaConnections, listLinks } from "./queries";
import { buildArgillaSettings } from "./settings";

export type ArgillaExportDataset = { id: string; name: string; type: DatasetTypeName; design: unknown };

async function connect(db: PrismaClient, connectionId: string) {
  const credentials = await getIntegrationCredentials(db, connectionId, "argilla");
  return { credentials, client: createArgillaClient({ url: credentials.url, apiKey: credentials.token }) };
}

async function settingsOf(db: PrismaClient, dataset: ArgillaExportDataset) {
  const inputColumns = dataset.type === "transform" ? await firstRowKeys(db, dataset.id) : [];
  return buildArgillaSettings({ type: dataset.type, name: dataset.name, design: dataset.design, inputColumns });
}

export function listConnections(db: PrismaClient) {
  return listArgillaConnections(db);
}

export async function listWorkspaces(db: PrismaClient, connectionId: string) {
  const { credentials, client } = await connect(db, connectionId);
  try {
    return { workspaces: (await client.listWorkspaces()).map((w) => w.name), defaultWorkspace: credentials.workspace };
  } catch (error) {
    argillaFailure(error, "list its workspaces", credentials.name);
  }
}

export async function pushDataset(db: PrismaClient, dataset: ArgillaExportDataset, input: ArgillaPushInput) {
  const { credentials, client } = await connect(db, input.connectionId);
  const workspace = input.workspace ?? credentials.workspace;
  if (!workspace) throw new AppError("BAD_REQUEST", `Choose an Argilla workspace: the connection "${credentials.name}" has no default workspace.`, [{ path: "workspace", message: "workspace is required" }]);
  if ((await countCurrentRows(db, dataset.id)) === 0) throw new AppError("PRECONDITION_FAILED", "This dataset has no rows yet: run it before pushing it to Argilla.");
  const settings = await settingsOf(db, dataset);
  const result = await pushToArgilla(db, client, { datasetId: dataset.id, datasetName: dataset.name, connectionId: input.connectionId, connectionName: credentials.name, workspace, argillaDataset: input.argillaDataset }, settings);
  const message = `Sent ${result.records} records to ${result.workspace}/${result.argillaDatasetName} in ${result.bulks} bulk${result.bulks === 1 ? "" : "s"}: ${result.created} new, ${result.updated} updated.`;
  return { ...result, message };
}

export async function pullDataset(db: PrismaClient, dataset: ArgillaExportDataset, input: ArgillaPullInput) {
  const link = await findLinkById(db, dataset.id, input.linkId);
  if (!link) throw new AppError("NOT_FOUND", `This dataset was never pushed to Argilla under link ${input.linkId}. Push it first.`);
  const { credentials, client } = await connect(db, link.connectionId);
  const report = await pullFromArgilla(db, client, { dataset, link, settings: await settingsOf(db, dataset), connectionName: credentials.name, overwrite: input.overwrite ?? false });
  const parts = [`${report.fetched} answered record${report.fetched === 1 ? "" : "s"}`, `${report.changed} row${report.changed === 1 ? "" : "s"} changed`, `${report.unchanged} unchanged`];
  if (report.conflicts > 0) parts.push(`${report.conflicts} conflict${report.conflicts === 1 ? "" : "s"} with in-app reviews left as they are`);
  if (report.invalid > 0) parts.push(`${report.invalid} not applied (invalid)`);
  const undo = report.actionId ? " One review action in the history (Argilla pull) undoes it all." : "";
  return { ...report, message: `Pulled from Argilla: ${parts.join(", ")}.${undo}` };
}

export async function argillaStatus(db: PrismaClient, datasetId: string) {
  const [links, rows] = await Promise.all([listLinks(db, datasetId), countCurrentRows(db, datasetId)]);
  return {
    rows,
    links: links.map((link) => ({
      id: link.id,
      connectionId: link.connectionId,
      connectionName: link.connection.name,
      workspace: link.workspaceName,
      argillaDatasetName: link.argillaDatasetName,
      url: argillaDatasetUrl(link.connection.url, link.argillaDatasetId),
      lastPushAt: link.lastPushAt,
      lastPushRecords: link.lastPushRecords,
      lastPullAt: link.lastPullAt,
      lastPullReport: link.lastPullReport as Record<string, unknown> | null,
    })),
  };
}
