// Anthropic's Message Batches API as the mock speaks it: `POST /v1/messages/batches` with
// `{requests: [{custom_id, params}]}`, `GET /v1/messages/batches` (newest first), `GET
// /v1/messages/batches/{id}`, `GET …/{id}/results` (JSONL, once ended) and `POST …/{id}/cancel`.
// processing_status is in_progress until the batch ends (canceling right after a cancel).
import type { IncomingMessage, ServerResponse } from "node:http";
import { anthropicProtocol } from "../protocols/anthropic";
import { originOf, readBatchBody } from "./http";
import type { BatchStore, MockBatch } from "./store";

type Send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const WINDOW_MS = 24 * 3600 * 1000;
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function createAnthropicBatchRoutes(store: BatchStore, send: Send) {
  const error = (res: ServerResponse, status: number, type: string, message: string) => send(res, status, { type: "error", error: { type, message } });

  function batchBody(batch: MockBatch, origin: string) {
    const ended = store.ended(store.phaseOf(batch));
    const outcomes = ended ? store.outcomesOf(batch, anthropicProtocol) : [];
    const count = (kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;
    return {
      id: batch.id, type: "message_batch", processing_status: ended ? "ended" : "in_progress",
      request_counts: { processing: ended ? 0 : batch.requests.length, succeeded: count("reply"), errored: count("error"), canceled: count("cancelled"), expired: count("expired") },
      ended_at: ended ? iso(batch.endedAt) : null, created_at: iso(batch.createdAt), expires_at: iso(batch.createdAt + WINDOW_MS),
      archived_at: null, cancel_initiated_at: iso(batch.cancelledAt),
      results_url: ended ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  function resultsOf(batch: MockBatch): string {
    return store.outcomesOf(batch, anthropicProtocol).map((outcome) => {
      const result =
        outcome.kind === "reply" ? { type: "succeeded", message: outcome.reply.body }
        : outcome.kind === "error" ? { type: "errored", error: outcome.reply.body }
        : { type: outcome.kind === "expired" ? "expired" : "canceled" };
      return `${JSON.stringify({ custom_id: outcome.customId, result })}\n`;
    }).join("");
  }

  async function createBatch(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBatchBody(req);
    if (!raw) return error(res, 413, "request_too_large", "Request exceeds the maximum allowed number of bytes.");
    let body: { requests?: unknown };
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return error(res, 400, "invalid_request_error", "The request body is not valid JSON.");
    }
    if (!Array.isArray(body.requests) || body.requests.length === 0) return error(res, 400, "invalid_request_error", "requests: at least one request is required");
    const seen = new Set<string>();
    const requests: { customId: string; body: unknown }[] = [];
    for (const [index, entry] of (body.requests as { custom_id?: unknown; params?: unknown }[]).entries()) {
      const id = entry?.custom_id;
      if (typeof id !== "string" || !CUSTOM_ID.test(id)) return error(res, 400, "invalid_request_error", `requests.${index}.custom_id: must match ^[a-zA-Z0-9_-]{1,64}$`);
      if (seen.has(id)) return error(res, 400, "invalid_request_error", `requests.${index}.custom_id: duplicate custom_id ${id}`);
      if (!entry.params || typeof entry.params !== "object") return error(res, 400, "invalid_request_error", `requests.${index}.params: Field required`);
      seen.add(id);
      requests.push({ customId: id, body: entry.params });
    }
    send(res, 200, batchBody(store.addBatch({ requests }, "msgbatch_"), originOf(req)));
  }

  /** Handles the route if it is one of the Message Batches API's; false otherwise. */
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<boolean> {
    if (!path.startsWith("/v1/messages/batches")) return false;
    const method = req.method ?? "GET";
    const origin = originOf(req);
    if (method === "POST" && path === "/v1/messages/batches") {
      await createBatch(req, res);
      return true;
    }
    if (method === "GET" && path === "/v1/messages/batches") {
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 20) || 20));
      const all = [...store.batches.values()].filter((batch) => batch.id.startsWith("msgbatch_")).reverse();
      const page = all.slice(0, limit).map((batch) => batchBody(batch, origin));
      send(res, 200, { data: page, has_more: all.length > limit, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null });
      return true;
    }
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
    if (!match) return false;
    const batch = store.batches.get(decodeURIComponent(match[1]!));
    if (!batch) {
      error(res, 404, "not_found_error", `Message batch ${match[1]} not found.`);
      return true;
    }
    if (method === "GET" && !match[2]) send(res, 200, batchBody(batch, origin));
    else if (method === "GET" && match[2] === "/results") {
      if (!store.ended(store.phaseOf(batch))) error(res, 400, "invalid_request_error", `Message batch ${batch.id} has not ended; its results are not available yet.`);
      else {
        res.writeHead(200, { "content-type": "application/x-jsonl" });
        res.end(resultsOf(batch));
      }
    } else if (method === "POST" && match[2] === "/cancel") {
      if (!store.cancel(batch)) error(res, 400, "invalid_request_error", `Message batch ${batch.id} has ended and cannot be canceled.`);
      else send(res, 200, { ...batchBody(batch, origin), processing_status: "canceling" });
    } else error(res, 405, "invalid_request_error", `Method ${method} not allowed for ${path}.`);
    return true;
  };
}
