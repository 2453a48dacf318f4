// An OpenAI-compatible server for tests, benchmarks and offline demos: deterministic answers,
// structured output from the request's JSON schema, an RPM quota, and seeded fault injection.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAnswer, UnsatisfiableSchemaError } from "./answer";
import { mockLlmOptionsSchema, type MockLlmOptions, type ResolvedMockLlmOptions } from "./options";
import { createRateLimiter, rateLimitHeaders, retryAfterHeaders } from "./rate-limit";
import { createRngFor, hashString } from "./rng";
import {
  chatRequestSchema,
  completionBody,
  computeUsage,
  modelBody,
  modelsBody,
  openAiError,
  streamChunks,
  type CompletionMeta,
} from "./wire";

export interface MockLlmStats {
  /** Every HTTP request received, on any route. */
  requests: number;
  /** POST /v1/chat/completions requests received (including rejected ones). */
  chatCompletions: number;
  /** Responses sent, by HTTP status code ("200", "429", …); destroyed sockets are not counted. */
  byStatus: Record<string, number>;
  /** 200 responses sent as server-sent events. */
  streamed: number;
  faults: { error500: number; error429: number; truncatedJson: number; noAnswer: number };
  /** 429s caused by the `rpm` quota (not injected ones): a correct client limiter keeps this at 0. */
  quota429: number;
}

export interface MockLlm {
  /** Base URL including `/v1`, ready for `createOpenAICompatible({ baseURL })`. */
  url: string;
  port: number;
  stats(): MockLlmStats;
  close(): Promise<void>;
}

type Fault = keyof MockLlmStats["faults"] | undefined;

const MAX_BODY_BYTES = 20 * 1024 * 1024;
// An injected 429 asks for a short wait so that retrying clients stay fast in tests.
const INJECTED_RETRY_AFTER_MS = 1000;

export async function startMockLlm(input: MockLlmOptions = {}): Promise<MockLlm> {
  const options = mockLlmOptionsSchema.parse(input);
  const limiter = options.rpm === undefined ? undefined : createRateLimiter(options.rpm);
  const stats: MockLlmStats = {
    requests: 0,
    chatCompletions: 0,
    byStatus: {},
    streamed: 0,
    faults: { error500: 0, error429: 0, truncatedJson: 0, noAnswer: 0 },
    quota429: 0,
  };
  const timers = new Set<NodeJS.Timeout>();
  const started = Math.floor(Date.now() / 1000);
  let chatCounter = 0;

  const wait = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.headersSent) return;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const handleChat = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Arrival order numbers the request; its fault and jitter come from (seed, number) alone.
    const index = chatCounter++;
    stats.chatCompletions++;
    const raw = await readBody(req);
    if (raw === undefined) {
      send(res, 413, openAiError(`Request body exceeds ${MAX_BODY_BYTES} bytes.`, "invalid_request_error", null));
      req.destroy();
      return;
    }
    let quotaHeaders: Record<string, string> = {};
    if (limiter !== undefined) {
      const decision = limiter.take();
      quotaHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        stats.quota429++;
        const message =
          `Rate limit reached for requests per min (RPM): Limit ${decision.limit}, Used ${decision.limit}, ` +
          `Requested 1. Please try again in ${(decision.retryAfterMs / 1000).toFixed(1)}s.`;
        send(res, 429, openAiError(message, "requests", "rate_limit_exceeded"), quotaHeaders);
        return;
      }
    }

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      const message = "We could not parse the JSON body of your request. (HINT: send valid JSON.)";
      send(res, 400, openAiError(message, "invalid_request_error", null), quotaHeaders);
      return;
    }
    const parsed = chatRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const param = issue.path.join(".") || null;
      const message = `Invalid request${param === null ? "" : ` at '${param}'`}: ${issue.message}`;
      send(res, 400, openAiError(message, "invalid_request_error", "invalid_value", param), quotaHeaders);
      return;
    }
    const request = parsed.data;
    if (!options.models.includes(request.model)) {
      const message = `The model \`${request.model}\` does not exist or you do not have access to it.`;
      send(res, 404, openAiError(message, "invalid_request_error", "model_not_found", "model"), quotaHeaders);
      return;
    }
    let answer;
    try {
      answer = createAnswer(request, options.seed);
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchemaError)) throw error;
      send(res, 400, openAiError(error.message, "invalid_request_error", "invalid_schema", "response_format"), quotaHeaders);
      return;
    }

    const draw = createRngFor(options.seed, "fault", index);
    const fault = chooseFault(draw.next(), options);
    const latency = options.latencyMs + draw.next() * options.latencyJitterMs;
    if (fault !== undefined) stats.faults[fault]++;
    if (fault === "noAnswer") {
      // A reset connection, not a hang: clients must see an error, and tests must not time out.
      await wait(options.noAnswerMs);
      req.socket.destroy();
      return;
    }
    await wait(latency);
    if (res.destroyed) return;
    if (fault === "error500") {
      const message = "The server had an error while processing your request. Sorry about that!";
      send(res, 500, openAiError(message, "server_error", null), quotaHeaders);
      return;
    }
    if (fault === "error429") {
      const message = "The engine is currently overloaded, please try again later.";
      send(res, 429, openAiError(message, "requests", "rate_limit_exceeded"), retryAfterHeaders(INJECTED_RETRY_AFTER_MS));
      return;
    }

    const content = fault === "truncatedJson" ? answer.content.slice(0, Math.ceil(answer.content.length / 2)) : answer.content;
    const usage = computeUsage(request, content);
    const meta: CompletionMeta = {
      id: `chatcmpl-mock${hashString(`${options.seed}:${index}`).toString(36)}${index.toString(36)}`,
      created: Math.floor(Date.now() / 1000),
      model: request.model,
    };
    if (request.stream !== true) {
      send(res, 200, completionBody(meta, content, answer.finishReason, usage), quotaHeaders);
      return;
    }
    stats.streamed++;
    stats.byStatus[200] = (stats.byStatus[200] ?? 0) + 1;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      ...quotaHeaders,
    });
    const includeUsage = request.stream_options?.include_usage === true;
    for (const chunk of streamChunks(meta, content, answer.finishReason, includeUsage ? usage : undefined)) {
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    res.end("data: [DONE]\n\n");
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const path = pathname.replace(/\/+$/, "");
    if (req.method === "POST" && path === "/v1/chat/completions") return handleChat(req, res);
    if (req.method === "GET" && path === "/v1/models") return send(res, 200, modelsBody(options.models, started));
    const modelId = req.method === "GET" && path.startsWith("/v1/models/") ? decodeURIComponent(path.slice(11)) : undefined;
    if (modelId !== undefined && options.models.includes(modelId)) return send(res, 200, modelBody(modelId, started));
    const message = `Unknown request URL: ${req.method} ${pathname}. Please check the URL for typos.`;
    send(res, 404, openAiError(message, "invalid_request_error", "unknown_url"));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("mock-llm: unexpected error", error);
      send(res, 500, openAiError("Internal mock error.", "server_error", null));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and half-answered sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function chooseFault(draw: number, options: ResolvedMockLlmOptions): Fault {
  // One draw per request picks at most one fault: each rate is a slice of [0, 1).
  const slices: [Exclude<Fault, undefined>, number][] = [["error500", options.error500], ["error429", options.error429], ["truncatedJson", options.truncatedJson], ["noAnswer", options.noAnswer]];
  let edge = 0;
  for (const [fault, rate] of slices) {
    edge += rate;
    if (draw < edge) return fault;
  }
  return undefined;
}

/** The raw body, or undefined when it is larger than MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
