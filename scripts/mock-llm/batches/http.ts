// Request plumbing of the batch routes: bodies larger than a chat request (uploads), and the
// origin clients reached us at (Anthropic's results_url is absolute).
import type { IncomingMessage } from "node:http";

/** OpenAI accepts input files up to 200 MB, Anthropic batch bodies up to 256 MB. */
export const MAX_BATCH_BODY_BYTES = 256 * 1024 * 1024;

export function readBytes(req: IncomingMessage, limit = MAX_BATCH_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

export const unixSeconds = (ms: number | undefined) => (ms === undefined ? null : Math.floor(ms / 1000));

/** Splits JSONL text into its non-empty lines with their 1-based line numbers. */
export function jsonlLines(text: string): { line: number; text: string }[] {
  return text.split("\n").map((value, index) => ({ line: index + 1, text: value.trim() })).filter((entry) => entry.text !== "");
}
