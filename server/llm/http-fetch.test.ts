import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerFetch } from "./http-fetch";

let server: http.Server;
let base: string;
const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === "/json") return res.writeHead(201, { "content-type": "application/json", "x-ratelimit-remaining-requests": "7" }).end(JSON.stringify({ echo: body }));
      if (req.url === "/gzip") return res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("unzipped"));
      if (req.url === "/moved") return res.writeHead(307, { location: "/json" }).end();
      if (req.url === "/empty") return res.writeHead(204).end();
      if (req.url === "/cut") {
        res.writeHead(200, { "content-length": "100" });
        res.write("partial");
        return setTimeout(() => res.socket?.destroy(), 20);
      }
      if (req.url === "/events") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
        return setTimeout(() => res.end("data: two\n\n"), 50);
      }
      // /hang: never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("providerFetch", () => {
  it("sends the body with its length and answers like fetch", async () => {
    const response = await providerFetch(`${base}/json`, { method: "POST", headers: { "content-type": "application/json", "x-unset": undefined } as unknown as HeadersInit, body: '{"a":"é"}' });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-ratelimit-remaining-requests")).toBe("7");
    expect(await response.json()).toEqual({ echo: '{"a":"é"}' });
    const request = seen.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.headers["content-length"]).toBe(String(Buffer.byteLength('{"a":"é"}')));
    expect(request.headers["transfer-encoding"]).toBeUndefined();
    expect(request.headers["x-unset"]).toBeUndefined();
  });

  it("decodes a compressed answer, and answers without a body where the status has none", async () => {
    expect(await (await providerFetch(`${base}/gzip`)).text()).toBe("unzipped");
    const empty = await providerFetch(`${base}/empty`, { method: "POST", body: "x" });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it("leaves redirects to fetch, which follows them", async () => {
    const response = await providerFetch(`${base}/moved`, { method: "POST", body: "again" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ echo: "again" });
  });

  it("hands an event stream on as it arrives", async () => {
    const response = await providerFetch(`${base}/events`);
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
  });

  it("rejects with the signal's reason when aborted, before or while waiting", async () => {
    const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    await expect(providerFetch(`${base}/hang`, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const controller = new AbortController();
    const pending = providerFetch(`${base}/hang`, { method: "POST", body: "x", signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it("fails as fetch does when the connection fails, so the AI SDK retries it", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await providerFetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).message).toBe("fetch failed");
    expect(((refused as TypeError).cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
    const cut = await providerFetch(`${base}/cut`).catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(TypeError);
    expect((cut as TypeError).message).toBe("fetch failed");
  });
});
