// Argilla's refusals as AppErrors: the HTTP status and Argilla's own detail stay in
// the message (the user needs them to fix the connection or the Argilla dataset).
import "server-only";
import { AppError, type AppErrorCode } from "@/server/errors";
import { ArgillaApiError } from "./client";

function codeOf(status: number): AppErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 400 || status === 422) return "BAD_REQUEST";
  // Unreachable server, 5xx: the request was fine, the other side was not ready.
  return "PRECONDITION_FAILED";
}

function hintOf(status: number, connection: string): string {
  if (status === 401) return ` Check the API key of the connection "${connection}" under Settings → Connections (Argilla: My settings → API key).`;
  if (status === 403) return ` The Argilla user of "${connection}" lacks the rights for this (owners and admins can create workspaces and datasets).`;
  if (status === 0) return ` Check the URL of the connection "${connection}" and that the server is up.`;
  if (status >= 500) return " Retry: records already sent are updated, never duplicated.";
  return "";
}

/** Rethrows a failed Argilla call as an AppError naming what was being done; anything else passes through. */
export function argillaFailure(error: unknown, doing: string, connection: string): never {
  if (error instanceof ArgillaApiError) {
    const status = error.status === 0 ? "could not connect" : `HTTP ${error.status}`;
    throw new AppError(codeOf(error.status), `Argilla refused to ${doing} (${status}): ${error.detail}.${hintOf(error.status, connection)}`);
  }
  throw error;
}
