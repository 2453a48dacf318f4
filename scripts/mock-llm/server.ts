// A mock LLM server for tests, benchmarks and offline demos: OpenAI chat completions, Anthropic
// Messages, Gemini and Ollama on one port, with deterministic answers, structured output from the
// request's JSON schema, one RPM quota over all protocols, and seeded fault injection; plus the
// OpenAI Batch and Anthropic Message Batches APIs (batches/).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAnthropicBatchRoutes } from "./batches/anthropic";
import { createOpenAiBatchRoutes } from "./batches/openai";
import { createBatchStore } from "./batches/store";
import { createExchange, type MockLlmStats } from "./exchange";
import { mockLlmOptionsSchema, type MockLlmOptions } from "./options";
import { anthropicProtocol } from "./protocols/anthropic";
import { geminiModelBody, geminiModelsBody, geminiProtocol } from "./protocols/gemini";
import { ollamaProtocol, ollamaTagsBody } from "./protocols/ollama";
import { openAiProtocol } from "./protocols/openai";
import { modelBody, modelsBody, openAiError } from "./wire";

export type { MockLlmStats };

export interface MockLlm {
  /** OpenAI base URL including `/v1`, ready for `createOpenAICompatible({ baseURL })`; also Anthropic's. */
  url: string;
  /** Base URLs for each provider package: anthropic `<origin>/v1`, google `<origin>/v1beta`, ollama `<origin>/api`. */
  urls: { openai: string; anthropic: string; gemini: string; ollama: string };
  port: number;
  stats(): MockLlmStats;
  close(): Promise<void>;
}

// `/v1beta/models/{model}:{method}`; a model id may itself contain slashes ("tunedModels/x").
const GEMINI_CALL = /^\/v1beta\/models\/(.+):(generateContent|streamGenerateContent)$/;

export async function startMockLlm(input: MockLlmOptions = {}): Promise<MockLlm> {
  const options = mockLlmOptionsSchema.parse(input);
  const exchange = createExchange(options);
  const { stats, send } = exchange;
  const started = Math.floor(Date.now() / 1000);
  const batchStore = createBatchStore(options, stats.batches);
  const batchRoutes = [createOpenAiBatchRoutes(batchStore, send), createAnthropicBatchRoutes(batchStore, send)];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/+$/, "");
    const post = req.method === "POST";
    const get = req.method === "GET";
    if (post && path === "/v1/chat/completions") return exchange.handle(openAiProtocol, req, res);
    if (post && path === "/v1/messages") return exchange.handle(anthropicProtocol, req, res);
    if (post && path === "/api/chat") return exchange.handle(ollamaProtocol, req, res);
    for (const route of batchRoutes) if (await route(req, res, url, path)) return;
    const gemini = post ? GEMINI_CALL.exec(path) : null;
    if (gemini !== null) {
      const stream = gemini[2] === "streamGenerateContent";
      return exchange.handle(geminiProtocol, req, res, { model: decodeURIComponent(gemini[1]!), stream, sse: url.searchParams.get("alt") === "sse" });
    }
    if (get && path === "/api/tags") return send(res, 200, ollamaTagsBody(options.models, started));
    if (get && path === "/v1beta/models") return send(res, 200, geminiModelsBody(options.models));
    // Anthropic and OpenAI share /v1/models; Anthropic's SDKs always send anthropic-version.
    const anthropic = req.headers["anthropic-version"] !== undefined;
    if (get && path === "/v1/models") {
      return send(res, 200, anthropic ? anthropicModelsBody(options.models, started) : modelsBody(options.models, started));
    }
    const listed = (prefix: string): string | undefined =>
      get && path.startsWith(prefix) && options.models.includes(decodeURIComponent(path.slice(prefix.length)))
        ? decodeURIComponent(path.slice(prefix.length))
        : undefined;
    const openAiModel = listed("/v1/models/");
    if (openAiModel !== undefined) return send(res, 200, anthropic ? anthropicModelBody(openAiModel, started) : modelBody(openAiModel, started));
    const geminiModel = listed("/v1beta/models/");
    if (geminiModel !== undefined) return send(res, 200, geminiModelBody(geminiModel));
    unknownRoute(res, req.method ?? "GET", url.pathname, anthropic);
  };

  /** A 404 in the shape of the API the path belongs to. */
  const unknownRoute = (res: ServerResponse, method: string, pathname: string, anthropic: boolean): void => {
    if (pathname.startsWith("/v1beta/")) {
      return send(res, 404, { error: { code: 404, message: `Method not found: ${method} ${pathname}.`, status: "NOT_FOUND" } });
    }
    if (pathname.startsWith("/api/")) return send(res, 404, { error: "404 page not found" });
    if (anthropic) return send(res, 404, { type: "error", error: { type: "not_found_error", message: `Not found: ${method} ${pathname}` } });
    const message = `Unknown request URL: ${method} ${pathname}. Please check the URL for typos.`;
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
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    urls: { openai: `${origin}/v1`, anthropic: `${origin}/v1`, gemini: `${origin}/v1beta`, ollama: `${origin}/api` },
    port,
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve, reject) => {
        exchange.clearTimers();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and half-answered sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function anthropicModelsBody(models: readonly string[], created: number) {
  const data = models.map((id) => anthropicModelBody(id, created));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

function anthropicModelBody(id: string, created: number) {
  return { type: "model", id, display_name: id, created_at: new Date(created * 1000).toISOString() };
}
