// The fetch that provider packages get for model calls: plain node:http(s) on
// the keep-alive global agents. Node's built-in fetch keeps ~25-30 KB of
// Request, web-stream and signal objects alive for as long as a call waits for
// its answer (node:http ~5 KB); with hundreds of calls in flight V8 promotes
// all of it, and a worker's RSS grew with the length of a run (README,
// "Benchmarks"). Same contract as fetch, except that an answer other than an
// event stream is read whole before it resolves: rejects with the signal's
// reason when aborted and with TypeError("fetch failed", { cause }) when the
// connection fails (what the AI SDK classifies as retryable). What it does not
// do itself (a body that is not text or bytes, a redirect) goes to the global fetch.
import http from "node:http";
import https from "node:https";
import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";

/** undici's defaults for fetch: a connection that stays silent this long is given up. */
const IDLE_TIMEOUT_MS = 300_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

function headersOf(init: HeadersInit | undefined): Record<string, string> {
  if (!init) return {};
  if (init instanceof Headers || Array.isArray(init)) return Object.fromEntries(init as Iterable<[string, string]>);
  // The AI SDK's header records may hold undefined for "not set".
  return Object.fromEntries(Object.entries(init).filter(([, value]) => value !== undefined));
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder = encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip() : encoding === "deflate" ? zlib.createInflate() : encoding === "br" ? zlib.createBrotliDecompress() : undefined;
  return decoder ? pipeline(response, decoder, () => undefined) : response;
}

function responseHeaders(response: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

export const providerFetch: typeof fetch = (input, init = {}) => {
  const url = typeof input === "string" ? (URL.canParse(input) ? new URL(input) : undefined) : input instanceof URL ? input : undefined;
  const body = init.body;
  const method = (init.method ?? "GET").toUpperCase();
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || (body != null && typeof body !== "string" && !(body instanceof Uint8Array))) {
    return globalThis.fetch(input, init);
  }
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<Response>((resolve, reject) => {
    const headers = headersOf(init.headers);
    const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
    if (!names.has("accept")) headers.accept = "*/*";
    // A length, not chunked encoding, as fetch sends it: some servers and proxies refuse chunked requests.
    if (body != null && !names.has("content-length")) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
    const secure = url.protocol === "https:";
    const request = (secure ? https : http).request(url, { method, headers, agent: secure ? https.globalAgent : http.globalAgent });
    let response: http.IncomingMessage | undefined;
    const onAbort = () => {
      const reason: unknown = signal!.reason;
      if (response) response.destroy(reason instanceof Error ? reason : new Error(String(reason)));
      request.destroy();
      reject(reason);
    };
    const done = () => signal?.removeEventListener("abort", onAbort);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(Object.assign(new Error(`no data from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`), { code: "ETIMEDOUT" })));
    // `on`, not `once`: a second error event with no listener would crash the process.
    request.on("error", (error) => {
      done();
      // After the headers the body stream carries the error; before them this is fetch's own failure.
      if (!response) reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
    });
    request.once("response", (incoming) => {
      response = incoming;
      incoming.once("close", done);
      // The body stream reports errors to its reader; unread (redirect, no body), they must not go unheard.
      incoming.on("error", () => undefined);
      const status = incoming.statusCode ?? 0;
      if (REDIRECTS.has(status) && incoming.headers.location) {
        // Model APIs do not redirect; when one does, fetch's redirect rules (method, body, limits) apply.
        incoming.resume();
        done();
        globalThis.fetch(input, init).then(resolve, reject);
        return;
      }
      const respond = (content: BodyInit | null) => {
        try {
          resolve(new Response(content, { status, statusText: incoming.statusMessage ?? "", headers: responseHeaders(incoming) }));
        } catch (error) {
          // A status the Response class refuses (outside 200-599).
          incoming.destroy();
          reject(new TypeError("fetch failed", { cause: error }));
        }
      };
      if (NULL_BODY.has(status) || method === "HEAD") {
        incoming.resume();
        return respond(null);
      }
      const content = decoded(incoming);
      // An event stream is handed on as it arrives. Any other answer is read whole first: a web
      // stream over the socket would cost more objects than the answer itself.
      if (/text\/event-stream/i.test(String(incoming.headers["content-type"] ?? ""))) return respond(Readable.toWeb(content) as ReadableStream<Uint8Array>);
      const chunks: Buffer[] = [];
      content.on("data", (chunk: Buffer) => chunks.push(chunk));
      content.once("end", () => respond(Buffer.concat(chunks)));
      content.once("error", (error) => reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error })));
    });
    request.end(body ?? undefined);
  });
};
