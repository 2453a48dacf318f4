// Request plumbing of the batch routes: bodies larger than a chat request (uploads), and the
// origin clients reached us at (Anthropic's results_url is absolute).
import type { IncomingMessage } from "node:http";
import { readBytes } from "../read-body";

/** OpenAI accepts input files up to 200 MB, Anthropic batch bodies up to 256 MB. */
export const MAX_BATCH_BODY_BYTES = 256 * 1024 * 1024;

/** A batch route's body, or undefined past MAX_BATCH_BODY_BYTES. */
export function readBatchBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return readBytes(req, MAX_BATCH_BODY_BYTES);
}

export function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

export const unixSeconds = (ms: number | undefined) => (ms === undefined ? null : Math.floor(ms / 1000));

/** Splits JSONL text into its non-empty lines with their 1-based line numbers. */
export function jsonlLines(text: string): { line: number; text: string }[] {
  return text.split("\n").map((value, index) => ({ line: index + 1, text: value.trim() })).filter((entry) => entry.text !== "");
}
