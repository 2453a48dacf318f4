// One generation request's life, the same for every protocol: number it, read the body, take quota,
// validate, check the model, build the answer, draw a fault and a delay, then let the protocol
// shape the reply. Faults and jitter depend only on (seed, request number), so a run repeats exactly.
import type { IncomingMessage, ServerResponse } from "node:http";
import { truncateJson } from "./answer";
import type { ResolvedMockLlmOptions } from "./options";
import type { Failure, Protocol, ProtocolName, RouteParams } from "./protocols/protocol";
import { createRateLimiter, retryAfterHeaders } from "./rate-limit";
import { readBytes } from "./read-body";
import { answerRequest, completionOf } from "./respond";
import { createRngFor, hashString } from "./rng";

export interface MockLlmStats {
  /** Every HTTP request received, on any route. */
  requests: number;
  /** POST /v1/chat/completions requests received (including rejected ones). */
  chatCompletions: number;
  /** Generation requests received per protocol (including rejected ones). */
  byProtocol: Record<ProtocolName, number>;
  /** Responses sent, by HTTP status code ("200", "429", …); destroyed sockets are not counted. */
  byStatus: Record<string, number>;
  /** 200 responses sent as a stream (SSE or NDJSON). */
  streamed: number;
  faults: { error500: number; error429: number; truncatedJson: number; noAnswer: number };
  /** 429s caused by the `rpm` quota (not injected ones): a correct client limiter keeps this at 0. */
  quota429: number;
  /** Batch APIs (both protocols): batches created, requests in them, batches cancelled. */
  batches: { created: number; requests: number; cancelled: number };
}

type Fault = keyof MockLlmStats["faults"] | undefined;

export const MAX_BODY_BYTES = 20 * 1024 * 1024;
// An injected 429 asks for a short wait so that retrying clients stay fast in tests.
const INJECTED_RETRY_AFTER_MS = 1000;

export interface Exchange {
  stats: MockLlmStats;
  handle<R>(protocol: Protocol<R>, req: IncomingMessage, res: ServerResponse, params?: RouteParams): Promise<void>;
  send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  /** Clears pending latency timers so close() does not wait for them. */
  clearTimers(): void;
}

export function createExchange(options: ResolvedMockLlmOptions): Exchange {
  const limiter = options.rpm === undefined ? undefined : createRateLimiter(options.rpm);
  const stats: MockLlmStats = {
    requests: 0,
    chatCompletions: 0,
    byProtocol: { openai: 0, anthropic: 0, gemini: 0, ollama: 0 },
    byStatus: {},
    streamed: 0,
    faults: { error500: 0, error429: 0, truncatedJson: 0, noAnswer: 0 },
    quota429: 0,
    batches: { created: 0, requests: 0, cancelled: 0 },
  };
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

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

  async function handle<R>(protocol: Protocol<R>, req: IncomingMessage, res: ServerResponse, params: RouteParams = {}): Promise<void> {
    // Arrival order numbers the request, across all protocols, as one quota counts them all.
    const index = counter++;
    stats.byProtocol[protocol.name]++;
    if (protocol.name === "openai") stats.chatCompletions++;
    const fail = (failure: Failure, headers: Record<string, string> = {}) => {
      const reply = protocol.fail(failure);
      send(res, reply.status, reply.body, headers);
    };
    const raw = await readBody(req);
    if (raw === undefined) {
      fail({ kind: "too_large", limitBytes: MAX_BODY_BYTES });
      req.destroy();
      return;
    }
    let headers: Record<string, string> = {};
    if (limiter !== undefined) {
      const decision = limiter.take();
      if (!options.hideLimitHeaders) headers = protocol.limitHeaders(decision);
      if (!decision.allowed) {
        stats.quota429++;
        fail({ kind: "quota", limit: decision.limit, retryAfterMs: decision.retryAfterMs }, { ...headers, ...retryAfterHeaders(decision.retryAfterMs) });
        return;
      }
    }

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return fail({ kind: "invalid_json" }, headers);
    }
    const answered = answerRequest(protocol, json, params, options);
    if ("failure" in answered) return fail(answered.failure, headers);
    if ("reply" in answered) return send(res, answered.reply.status, answered.reply.body, headers);
    const { request, model, prompt, answer } = answered;

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
    if (fault === "error500") return fail({ kind: "server_error" }, headers);
    if (fault === "error429") {
      return fail({ kind: "overloaded", retryAfterMs: INJECTED_RETRY_AFTER_MS }, retryAfterHeaders(INJECTED_RETRY_AFTER_MS));
    }

    const content = fault === "truncatedJson" ? truncateJson(answer.content) : answer.content;
    const id = `mock${hashString(`${options.seed}:${index}`).toString(36)}${index.toString(36)}`;
    const rendered = protocol.render(request, completionOf({ id, model, prompt, content, finishReason: answer.finishReason }));
    if ("body" in rendered) return send(res, 200, rendered.body, headers);
    stats.streamed++;
    stats.byStatus[200] = (stats.byStatus[200] ?? 0) + 1;
    res.writeHead(200, { "content-type": rendered.contentType, "cache-control": "no-cache", ...headers });
    for (const frame of rendered.frames) res.write(frame);
    res.end();
  }

  return {
    stats,
    handle,
    send,
    clearTimers() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
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
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  return (await readBytes(req, MAX_BODY_BYTES))?.toString("utf8");
}
