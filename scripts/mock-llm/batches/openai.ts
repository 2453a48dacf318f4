// OpenAI's Batch API as the mock speaks it: `POST /v1/files` (multipart, purpose "batch"),
// `GET /v1/files/{id}/content`, `POST /v1/batches`, `GET /v1/batches` (newest first, `after`
// cursor), `GET /v1/batches/{id}` and `POST /v1/batches/{id}/cancel`. The input file is
// validated when the batch is created; a bad one fails the batch with `errors`, as OpenAI does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { openAiProtocol } from "../protocols/openai";
import { openAiError } from "../wire";
import { jsonlLines, readBatchBody, unixSeconds } from "./http";
import type { BatchStore, MockBatch } from "./store";

type Send = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;

const ENDPOINTS = new Set(["/v1/chat/completions"]);
const WINDOW_SECONDS = 24 * 3600;

export function createOpenAiBatchRoutes(store: BatchStore, send: Send) {
  const notFound = (res: ServerResponse, what: string) => send(res, 404, openAiError(`No such ${what}`, "invalid_request_error", null));
  const badRequest = (res: ServerResponse, message: string, param: string | null = null) => send(res, 400, openAiError(message, "invalid_request_error", null, param));

  function batchBody(batch: MockBatch & { endpoint?: string }) {
    const phase = store.phaseOf(batch);
    const ended = store.ended(phase);
    const outcomes = ended ? store.outcomesOf(batch, openAiProtocol) : [];
    const completed = outcomes.filter((outcome) => outcome.kind === "reply").length;
    const at = (when: boolean, ms: number | undefined) => (when ? unixSeconds(ms) : null);
    return {
      id: batch.id, object: "batch", endpoint: "/v1/chat/completions", input_file_id: batch.inputFileId ?? null, completion_window: "24h", status: phase,
      errors: batch.errors ? { object: "list", data: batch.errors.map((error) => ({ ...error, param: null, line: error.line ?? null })) } : null,
      output_file_id: ended && completed > 0 ? `${batch.id}-output` : null,
      error_file_id: ended && outcomes.length > completed ? `${batch.id}-errors` : null,
      created_at: unixSeconds(batch.createdAt), expires_at: unixSeconds(batch.createdAt + WINDOW_SECONDS * 1000),
      in_progress_at: at(phase !== "validating" && phase !== "failed", batch.createdAt), finalizing_at: at(ended && phase !== "failed", batch.endedAt),
      completed_at: at(phase === "completed", batch.endedAt), expired_at: at(phase === "expired", batch.endedAt), failed_at: at(phase === "failed", batch.createdAt),
      cancelling_at: unixSeconds(batch.cancelledAt), cancelled_at: at(phase === "cancelled", batch.endedAt),
      request_counts: { total: batch.requests.length, completed, failed: ended ? outcomes.length - completed : 0 },
      metadata: batch.metadata ?? null,
    };
  }

  /** The output and error files of an ended batch, built from its outcomes. */
  function resultFile(id: string): string | undefined {
    const match = /^(.+)-(output|errors)$/.exec(id);
    const batch = match ? store.batches.get(match[1]!) : undefined;
    if (!batch || !store.ended(store.phaseOf(batch))) return undefined;
    const lines = store.outcomesOf(batch, openAiProtocol)
      .filter((outcome) => (outcome.kind === "reply") === (match![2] === "output"))
      .map((outcome) => {
        const base = { id: `batch_req_${outcome.customId}`, custom_id: outcome.customId };
        if (outcome.kind === "reply" || outcome.kind === "error") return { ...base, response: { status_code: outcome.reply.status, request_id: `req_${outcome.customId}`, body: outcome.reply.body }, error: null };
        const message = outcome.kind === "expired" ? "This request could not be executed before the completion window expired." : "This request was cancelled before it ran.";
        return { ...base, response: null, error: { code: outcome.kind === "expired" ? "batch_expired" : "batch_cancelled", message } };
      });
    return lines.map((line) => JSON.stringify(line)).join("\n") + (lines.length > 0 ? "\n" : "");
  }

  async function uploadFile(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBatchBody(req);
    if (!raw) return send(res, 413, openAiError("File too large.", "invalid_request_error", null));
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    } catch {
      return badRequest(res, "The request must be multipart/form-data with a file and a purpose.");
    }
    const file = form.get("file");
    const purpose = form.get("purpose");
    if (!(file instanceof Blob)) return badRequest(res, "Missing required parameter: 'file'.", "file");
    if (typeof purpose !== "string") return badRequest(res, "Missing required parameter: 'purpose'.", "purpose");
    const stored = store.addFile({ filename: (file as File).name ?? "upload", purpose, content: await file.text() });
    send(res, 200, { id: stored.id, object: "file", bytes: Buffer.byteLength(stored.content), created_at: unixSeconds(stored.createdAt), filename: stored.filename, purpose, status: "processed", expires_at: null });
  }

  async function createBatch(req: IncomingMessage, res: ServerResponse) {
    let body: { input_file_id?: unknown; endpoint?: unknown; completion_window?: unknown; metadata?: unknown };
    try {
      body = JSON.parse((await readBatchBody(req))?.toString("utf8") ?? "");
    } catch {
      return badRequest(res, "We could not parse the JSON body of your request.");
    }
    if (typeof body.endpoint !== "string" || !ENDPOINTS.has(body.endpoint)) return badRequest(res, `Invalid endpoint: ${String(body.endpoint)}. Supported: /v1/chat/completions.`, "endpoint");
    if (body.completion_window !== "24h") return badRequest(res, "completion_window must be '24h'.", "completion_window");
    const file = typeof body.input_file_id === "string" ? store.files.get(body.input_file_id) : undefined;
    if (!file) return badRequest(res, `No such File object: ${String(body.input_file_id)}`, "input_file_id");
    if (file.purpose !== "batch") return badRequest(res, `File ${file.id} has purpose '${file.purpose}', expected 'batch'.`, "input_file_id");
    const { requests, errors } = parseInputFile(file.content, body.endpoint);
    const metadata = body.metadata && typeof body.metadata === "object" ? (body.metadata as Record<string, string>) : undefined;
    const batch = store.addBatch({ requests, inputFileId: file.id, metadata, ...(errors.length > 0 ? { errors } : {}) }, "batch_");
    send(res, 200, batchBody(batch));
  }

  function listBatches(url: URL, res: ServerResponse) {
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 20) || 20));
    const all = [...store.batches.values()].filter((batch) => batch.id.startsWith("batch_")).reverse();
    const after = url.searchParams.get("after");
    const start = after ? all.findIndex((batch) => batch.id === after) + 1 : 0;
    const page = all.slice(start, start + limit).map(batchBody);
    send(res, 200, { object: "list", data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: start + limit < all.length });
  }

  function fileContent(res: ServerResponse, id: string) {
    const text = store.files.get(id)?.content ?? resultFile(id);
    if (text === undefined) return notFound(res, `File: ${id}`);
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end(text);
  }

  function batchRoute(res: ServerResponse, id: string, cancel: boolean) {
    const batch = store.batches.get(id);
    if (!batch) return notFound(res, `batch: ${id}`);
    if (!cancel) return send(res, 200, batchBody(batch));
    if (!store.cancel(batch)) return badRequest(res, `Cannot cancel a batch with status '${store.phaseOf(batch)}'.`);
    send(res, 200, { ...batchBody(batch), status: "cancelling" });
  }

  /** Handles the route if it is one of the Batch API's; false otherwise. */
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<boolean> {
    const method = req.method ?? "GET";
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    const one = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
    if (method === "POST" && path === "/v1/files") await uploadFile(req, res);
    else if (method === "GET" && content) fileContent(res, decodeURIComponent(content[1]!));
    else if (method === "POST" && path === "/v1/batches") await createBatch(req, res);
    else if (method === "GET" && path === "/v1/batches") listBatches(url, res);
    else if (one && (method === "POST") === (one[2] !== undefined)) batchRoute(res, decodeURIComponent(one[1]!), one[2] !== undefined);
    else return false;
    return true;
  };
}

function parseInputFile(content: string, endpoint: string) {
  const requests: { customId: string; body: unknown }[] = [];
  const errors: { code: string; message: string; line?: number }[] = [];
  const seen = new Set<string>();
  const models = new Set<string>();
  for (const { line, text } of jsonlLines(content)) {
    let parsed: { custom_id?: unknown; method?: unknown; url?: unknown; body?: { model?: unknown } };
    try {
      parsed = JSON.parse(text);
    } catch {
      errors.push({ code: "invalid_json_line", message: "This line is not parseable as valid JSON.", line });
      continue;
    }
    if (typeof parsed.custom_id !== "string" || parsed.custom_id === "") errors.push({ code: "missing_required_parameter", message: "custom_id is required.", line });
    else if (seen.has(parsed.custom_id)) errors.push({ code: "duplicate_custom_id", message: `The custom_id for this request is a duplicate of another request: ${parsed.custom_id}.`, line });
    else if (parsed.method !== "POST" || parsed.url !== endpoint) errors.push({ code: "invalid_url", message: `The URL provided for this request does not match the batch endpoint ${endpoint}.`, line });
    else {
      seen.add(parsed.custom_id);
      models.add(String(parsed.body?.model));
      requests.push({ customId: parsed.custom_id, body: parsed.body });
    }
  }
  if (requests.length === 0 && errors.length === 0) errors.push({ code: "empty_file", message: "The batch input file is empty." });
  if (models.size > 1) errors.push({ code: "mixed_model", message: "All requests in a batch must use the same model." });
  return { requests, errors };
}
