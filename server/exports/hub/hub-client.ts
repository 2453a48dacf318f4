// The Hub calls of a push, through @huggingface/hub: who the token belongs to,
// create the dataset repo unless it exists, and one atomic commit of the files
// (uploaded from disk as file-backed Blobs, so memory stays flat). Errors become
// AppErrors that say what the Hub answered and what to do.
import { openAsBlob } from "node:fs";
import { commitIter, createRepo, datasetInfo, HubApiError, pathsInfo, whoAmI, type CommitOperation } from "@huggingface/hub";
import { AppError } from "@/server/errors";
import { describeProviderError, sanitizeProviderMessage } from "@/server/providers/sanitize";

export type HubAccess = { hubUrl: string; accessToken: string; connectionName: string };
export type CommitPhase = "preuploading" | "uploadingLargeFiles" | "committing";

/** A Hub failure as a message that names the connection and the fix; the token is never in it. */
export function hubError(error: unknown, access: HubAccess, doing: string): AppError {
  if (error instanceof AppError) return error;
  const detail = sanitizeProviderMessage(describeProviderError(error), [access.accessToken]);
  if (error instanceof HubApiError) {
    if (error.statusCode === 401) {
      return new AppError("PRECONDITION_FAILED", `The Hub at ${access.hubUrl} rejected the token of connection "${access.connectionName}" while ${doing} (HTTP 401: ${detail}). Enter a valid access token with write access under Settings → Connections.`);
    }
    if (error.statusCode === 403) {
      return new AppError("FORBIDDEN", `The token of connection "${access.connectionName}" may not write there while ${doing} (HTTP 403: ${detail}). Use a token with write access to that owner, or push to a repo you own.`);
    }
    // 4xx other than auth will fail again as-is; 5xx, 429 and network errors are worth a retry.
    const retry = error.statusCode >= 500 || error.statusCode === 429 ? " This is usually temporary: push again (nothing was committed, and a new push overwrites the same files)." : "";
    return new AppError(error.statusCode >= 500 ? "INTERNAL" : "BAD_REQUEST", `The Hub answered HTTP ${error.statusCode} while ${doing}: ${detail}.${retry}`);
  }
  return new AppError("PRECONDITION_FAILED", `Could not reach the Hub at ${access.hubUrl} while ${doing}: ${detail}. Check the connection's URL and the network, then push again.`);
}

/** The token's account name (the default owner of a repo id given without one). */
export async function hubAccountName(access: HubAccess): Promise<string> {
  try {
    return (await whoAmI({ hubUrl: access.hubUrl, accessToken: access.accessToken })).name;
  } catch (error) {
    throw hubError(error, access, "asking whom the token belongs to");
  }
}

/** Creates the dataset repo; true when created, false when it already existed (its visibility is then left as is). */
export async function ensureDatasetRepo(access: HubAccess, repoId: string, options: { private: boolean; license: string }): Promise<boolean> {
  try {
    await createRepo({ hubUrl: access.hubUrl, accessToken: access.accessToken, repo: { type: "dataset", name: repoId }, visibility: options.private ? "private" : "public", license: options.license });
    return true;
  } catch (error) {
    if (error instanceof HubApiError && error.statusCode === 409) return false;
    throw hubError(error, access, `creating the dataset repo ${repoId}`);
  }
}

/** Whether an existing dataset repo is private (a push asked to be private must not land in a public one). */
export async function isPrivateRepo(access: HubAccess, repoId: string): Promise<boolean> {
  try {
    return (await datasetInfo({ hubUrl: access.hubUrl, accessToken: access.accessToken, name: repoId })).private;
  } catch (error) {
    throw hubError(error, access, `reading the settings of ${repoId}`);
  }
}

/** Which of `paths` exist in the repo's main branch. */
export async function existingPaths(access: HubAccess, repoId: string, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  try {
    return (await pathsInfo({ hubUrl: access.hubUrl, accessToken: access.accessToken, repo: { type: "dataset", name: repoId }, paths })).map((info) => info.path);
  } catch (error) {
    throw hubError(error, access, `listing files of ${repoId}`);
  }
}

const HEARTBEAT_MS = 15_000;

export type CommitFiles = { upload: { path: string; file: string }[]; remove: string[]; title: string; description?: string };

/** One commit: either every file lands or none does, so a failed push leaves the repo as it was. */
export async function commitFiles(access: HubAccess, repoId: string, files: CommitFiles, onPhase: (phase: CommitPhase) => Promise<void>): Promise<{ oid: string; url: string }> {
  try {
    const operations: CommitOperation[] = [
      ...(await Promise.all(files.upload.map(async ({ path, file }) => ({ operation: "addOrUpdate" as const, path, content: await openAsBlob(file) })))),
      ...files.remove.map((path) => ({ operation: "delete" as const, path })),
    ];
    const iterator = commitIter({ hubUrl: access.hubUrl, accessToken: access.accessToken, repo: { type: "dataset", name: repoId }, operations, title: files.title, description: files.description, branch: "main" });
    let step = await iterator.next();
    let phase: CommitPhase = "preuploading";
    let beat = Date.now();
    while (!step.done) {
      // Progress of a large upload doubles as a heartbeat, so a live push is never taken for a dead one.
      if (step.value.event === "phase" || Date.now() - beat > HEARTBEAT_MS) {
        if (step.value.event === "phase") phase = step.value.phase;
        beat = Date.now();
        await onPhase(phase);
      }
      step = await iterator.next();
    }
    if (!step.value) throw new Error("the Hub answered the commit without a commit id");
    return { oid: step.value.commit.oid, url: step.value.commit.url };
  } catch (error) {
    throw hubError(error, access, `committing to ${repoId}`);
  }
}
