// Push a dataset to a Hub dataset repo: write the Parquet files of each split to
// a temp dir (streamed, memory stays flat), add the README card, create the repo
// unless it exists, and commit everything at once. The Hub commit is atomic and
// the paths are deterministic, so a failed push leaves nothing behind and the
// next push simply overwrites: retries never duplicate rows.
//
// Runs inline in the request rather than as a job: a push is one atomic commit
// that either lands or not, the user waits for its verdict (bad token, repo id
// taken), and the hub_pushes row records its phase for other tabs meanwhile.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { HubPushOptions } from "@/lib/exports/hub-options";
import { repoIdProblem } from "@/lib/exports/hub-options";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { AppError, isAppError } from "@/server/errors";
import { findRowDesigns } from "@/server/exports/queries";
import { countExport, writeExportFiles } from "@/server/exports/service";
import { getIntegrationCredentials } from "@/server/integrations/service";
import { logger } from "@/server/logger";
import { buildDatasetCard, cardDesignParts } from "./dataset-card";
import { commitFiles, ensureDatasetRepo, existingPaths, hubAccountName, isPrivateRepo, type HubAccess } from "./hub-client";
import { claimPush, countReviews, countRowsByModel, failStalePushes, findCardDataset, findPush, findPushes, updatePush, type PushRecord } from "./queries";

/** A push nothing has updated for this long died with its process (uploads send a heartbeat every 15 s). */
const STALE_MS = 10 * 60_000;
const SPLITS = ["train", "test"] as const;

export const hubDataPath = (split: string) => `data/${split}-00000-of-00001.parquet`;

function toPublicPush(record: PushRecord) {
  const { connection, ...fields } = record;
  return {
    ...fields,
    connectionName: connection?.name ?? null,
    repoUrl: connection ? `${connection.url}/datasets/${record.repoId}` : null,
    splits: (record.splits ?? null) as Record<string, number> | null,
  };
}

export type PublicPush = ReturnType<typeof toPublicPush>;

export async function listHubPushes(db: PrismaClient, datasetId: string, take = 10): Promise<PublicPush[]> {
  await failStalePushes(db, datasetId, new Date(Date.now() - STALE_MS), "The push stopped (the server restarted or crashed) before it finished. Nothing was committed unless the Hub shows the commit; push again.");
  return (await findPushes(db, datasetId, take)).map(toPublicPush);
}

/** "name" → "<owner>/name", from the connection's default owner or the token's account. */
async function fullRepoId(repoId: string, owner: string | null, access: HubAccess): Promise<string> {
  if (repoId.includes("/")) return repoId;
  const full = `${owner ?? (await hubAccountName(access))}/${repoId}`;
  const problem = repoIdProblem(full);
  if (problem) throw new AppError("BAD_REQUEST", problem, [{ path: "repoId", message: problem }]);
  return full;
}

async function checkRows(db: PrismaClient, datasetId: string, options: HubPushOptions) {
  const split = options.testShare > 0 ? { testShare: options.testShare, seed: options.seed, as: "files" as const } : null;
  const counts = await countExport(db, { datasetId }, { rows: options.rows, split });
  if (counts.rows === 0) {
    const which = options.rows === "accepted" ? " accepted by a reviewer" : options.rows === "not_rejected" ? " that are not rejected" : "";
    throw new AppError("BAD_REQUEST", `There are no rows${which} to push. Generate rows first${which ? ", or choose other rows" : ""}.`, [{ path: "rows", message: "no rows selected" }]);
  }
  if (split && (counts.test === 0 || counts.train === 0)) {
    const message = `A test share of ${options.testShare} leaves the ${counts.test === 0 ? "test" : "train"} split empty (${counts.rows} rows selected); choose a share that puts rows in both splits, or 0 for no test split.`;
    throw new AppError("BAD_REQUEST", message, [{ path: "testShare", message }]);
  }
  return split;
}

export async function pushToHub(db: PrismaClient, datasetId: string, options: HubPushOptions): Promise<PublicPush> {
  const credentials = await getIntegrationCredentials(db, options.connectionId, "hub");
  const access: HubAccess = { hubUrl: credentials.url, accessToken: credentials.token, connectionName: credentials.name };
  const dataset = await findCardDataset(db, datasetId);
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset ${datasetId} does not exist.`);
  const split = await checkRows(db, datasetId, options);
  const repoId = await fullRepoId(options.repoId, credentials.owner, access);
  const claimed = await claimPush(db, { datasetId, connectionId: options.connectionId, repoId, private: options.private, rowsFilter: options.rows, testShare: split?.testShare ?? 0 }, new Date(Date.now() - STALE_MS));
  if (!claimed) throw new AppError("CONFLICT", `This dataset is already being pushed to ${repoId}. Wait for that push to finish (its progress is listed on this page).`);
  const { id } = claimed;
  const dir = await mkdtemp(path.join(tmpdir(), "datafast-hub-"));
  try {
    // The repo first: a push refused there (visibility, rights) costs no export.
    const created = await ensureDatasetRepo(access, repoId, { private: options.private, license: options.license });
    // Visibility is only set on creation; rows meant to stay private never go to a repo that is public.
    if (!created && options.private && !(await isPrivateRepo(access, repoId))) {
      throw new AppError("PRECONDITION_FAILED", `${repoId} already exists and is public, and this push was asked to be private, so nothing was uploaded. Make the repo private on the Hub (its Settings page) and push again, or untick "Private" to publish these rows in the public repo.`);
    }
    await updatePush(db, id, { phase: "writing" });
    const written = await writeExportFiles(db, { datasetId }, { format: "parquet", rows: options.rows, split }, dir);
    const splits = written.map((file) => ({ name: file.split, path: hubDataPath(file.split), rows: file.rows, file: file.path }));
    const rowCount = splits.reduce((sum, item) => sum + item.rows, 0);
    const [models, review, rowDesigns] = await Promise.all([countRowsByModel(db, datasetId, options.rows), countReviews(db, datasetId), findRowDesigns(db, { datasetId })]);
    const card = buildDatasetCard({
      repoId,
      name: dataset.name,
      description: dataset.description,
      type: dataset.type as DatasetTypeName,
      license: options.license,
      ...cardDesignParts([dataset.design, ...rowDesigns]),
      models,
      splits,
      rowsFilter: options.rows,
      review,
      generatedAt: new Date(),
    });
    const readme = path.join(dir, "README.md");
    await writeFile(readme, card, "utf8");
    await updatePush(db, id, { rowCount });

    // A split this push does not have (a test split pushed before) would linger beside the new files: remove it in the same commit.
    const stale = await existingPaths(access, repoId, SPLITS.filter((name) => !splits.some((item) => item.name === name)).map(hubDataPath));
    const commit = await commitFiles(
      access,
      repoId,
      {
        upload: [...splits.map((item) => ({ path: item.path, file: item.file })), { path: "README.md", file: readme }],
        remove: stale,
        title: options.commitMessage ?? `Upload ${rowCount} rows with datafast`,
        description: `Dataset "${dataset.name}" (${dataset.type}); rows: ${options.rows}; splits: ${splits.map((item) => `${item.name} ${item.rows}`).join(", ")}.`,
      },
      async (phase) => {
        await updatePush(db, id, { phase: phase === "preuploading" ? "preparing upload" : phase === "uploadingLargeFiles" ? "uploading files" : "committing" });
      },
    );
    const counts: Prisma.InputJsonValue = Object.fromEntries(splits.map((item) => [item.name, item.rows]));
    await updatePush(db, id, { status: "completed", phase: null, commitSha: commit.oid, commitUrl: commit.url, rowCount, splits: counts, finishedAt: new Date() });
  } catch (error) {
    if (!isAppError(error)) logger.error("hub push failed", { pushId: id, error: String((error as Error)?.stack ?? error) });
    const message = isAppError(error) ? error.message : "The push failed on the server (details in the server log). Nothing was committed; push again.";
    await updatePush(db, id, { status: "failed", phase: null, error: message, finishedAt: new Date() });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const record = await findPush(db, id);
  return toPublicPush(record!);
}
