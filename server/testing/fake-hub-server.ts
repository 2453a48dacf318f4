// A local stand-in for the Hugging Face Hub's write API, for tests, close enough
// to the real protocol that @huggingface/hub works against it unchanged:
// whoami-v2, repos/create (409 when it exists), preupload (lfs vs regular per
// file), the LFS batch API answering `transfer: basic` with upload hrefs back
// here, the upload PUT (sha256 and size checked), and the NDJSON commit, applied
// atomically (an lfsFile whose object was never uploaded rejects the whole
// commit). Bearer auth, 401 otherwise. Tests read the stored files back and can
// make the next calls of one step fail. Loopback only.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeHubStep = "whoami" | "create" | "info" | "paths-info" | "preupload" | "batch" | "upload" | "commit";
export type FakeHubCommit = { oid: string; title: string; description: string; paths: string[] };
export type FakeHubRepo = { id: string; private: boolean; license: string | null; files: Map<string, Buffer>; lfsPaths: Set<string>; commits: FakeHubCommit[] };
export type FakeHubRequest = { method: string; path: string; step: FakeHubStep | null; status: number };

export type FakeHubServer = {
  url: string;
  requests: FakeHubRequest[];
  repo(id: string): FakeHubRepo | undefined;
  /** The next `count` requests of `step` answer `status` with `{"error": message}` (and change nothing). */
  failNext(step: FakeHubStep, options?: { status?: number; message?: string; count?: number }): void;
  close(): Promise<void>;
};

/** `users`: token → account name; each account may also write to `orgs`. */
export type FakeHubOptions = { users: Record<string, string>; orgs?: Record<string, string[]> };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// The real Hub sends binary files and files over 10 MB to LFS; parquet is LFS-tracked by the default .gitattributes.
const LFS_THRESHOLD = 10 * 1024 * 1024;

function needsLfs(file: { path: string; size: number; sample: string }): boolean {
  if (/\.(parquet|arrow|bin|safetensors|zip|gz)$/i.test(file.path) || file.size > LFS_THRESHOLD) return true;
  return Buffer.from(file.sample, "base64").includes(0);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson<T>(body: Buffer): T {
  try {
    return JSON.parse(body.toString("utf8")) as T;
  } catch {
    throw new HttpError(400, "Invalid JSON body");
  }
}

type CommitLine = { key: string; value: Record<string, unknown> };

export async function startFakeHubServer(options: FakeHubOptions): Promise<FakeHubServer> {
  const requests: FakeHubRequest[] = [];
  const repos = new Map<string, FakeHubRepo>();
  /** Uploaded LFS objects per repo, by sha256. */
  const objects = new Map<string, Map<string, Buffer>>();
  const failures = new Map<FakeHubStep, { status: number; message: string; count: number }>();
  let base = "";

  function account(request: IncomingMessage): string {
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7) : undefined;
    const name = token ? options.users[token] : undefined;
    if (!name) throw new HttpError(401, header ? "Invalid credentials in Authorization header" : "Authorization header is missing");
    return name;
  }

  function canWrite(user: string, namespace: string): boolean {
    return namespace === user || (options.orgs?.[namespace] ?? []).includes(user);
  }

  function writableRepo(request: IncomingMessage, id: string): FakeHubRepo {
    const user = account(request);
    const repo = repos.get(id);
    // Like the Hub: a repo you cannot see is "not found", one you can see but not write is forbidden.
    if (!repo || (repo.private && !canWrite(user, id.split("/")[0]!))) throw new HttpError(404, "Repository not found");
    if (!canWrite(user, id.split("/")[0]!)) throw new HttpError(403, `You don't have the rights to write to ${id}`);
    return repo;
  }

  function injected(step: FakeHubStep) {
    const failure = failures.get(step);
    if (!failure) return;
    failure.count -= 1;
    if (failure.count <= 0) failures.delete(step);
    throw new HttpError(failure.status, failure.message);
  }

  function whoami(request: IncomingMessage) {
    const name = account(request);
    const orgs = Object.entries(options.orgs ?? {})
      .filter(([, members]) => members.includes(name))
      .map(([org]) => ({ type: "org", id: createHash("sha1").update(org).digest("hex").slice(0, 24), name: org, fullname: org, email: null, canPay: false, avatarUrl: "", periodEnd: null }));
    return { type: "user", id: createHash("sha1").update(name).digest("hex").slice(0, 24), name, fullname: name, email: `${name}@example.test`, emailVerified: true, isPro: false, canPay: false, avatarUrl: "", periodEnd: null, billingMode: "postpaid", orgs, auth: { type: "access_token", accessToken: { displayName: "test", role: "write", createdAt: new Date(0).toISOString() } } };
  }

  function createRepo(request: IncomingMessage, body: Buffer) {
    const user = account(request);
    const input = parseJson<{ name?: string; organization?: string; type?: string; visibility?: string; private?: boolean; license?: string }>(body);
    if (input.type !== "dataset") throw new HttpError(400, "This fake only hosts dataset repos");
    if (!input.name || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(input.name)) throw new HttpError(400, "Invalid repo name");
    const namespace = input.organization ?? user;
    if (!canWrite(user, namespace)) throw new HttpError(403, `You don't have the rights to create a dataset under the namespace "${namespace}".`);
    const id = `${namespace}/${input.name}`;
    if (repos.has(id)) throw Object.assign(new HttpError(409, "You already created this dataset repo"), { extra: { url: `${base}/datasets/${id}` } });
    // Without a visibility the Hub follows the namespace's default, which is public.
    const isPrivate = input.visibility ? input.visibility !== "public" : (input.private ?? false);
    repos.set(id, { id, private: isPrivate, license: input.license ?? null, files: new Map(), lfsPaths: new Set(), commits: [] });
    objects.set(id, new Map());
    return { url: `${base}/datasets/${id}`, name: id, id: createHash("sha1").update(id).digest("hex").slice(0, 24) };
  }

  /** GET /api/datasets/<id>/revision/<rev>: what datasetInfo reads (a private repo of another namespace is "not found"). */
  function info(request: IncomingMessage, id: string) {
    const repo = repos.get(id);
    if (!repo || (repo.private && !canWrite(account(request), id.split("/")[0]!))) throw new HttpError(404, "Repository not found");
    const last = repo.commits.at(-1);
    return { _id: createHash("sha1").update(id).digest("hex").slice(0, 24), id, private: repo.private, gated: false, downloads: 0, likes: 0, lastModified: new Date().toISOString(), sha: last?.oid };
  }

  /** Which of the asked paths exist at the head of main (the Hub answers only those). */
  function pathsInfo(request: IncomingMessage, id: string, body: Buffer) {
    const repo = writableRepo(request, id);
    const input = parseJson<{ paths?: string[] }>(body);
    return (input.paths ?? []).filter((path) => repo.files.has(path)).map((path) => ({ type: "file", path, size: repo.files.get(path)!.length, oid: createHash("sha1").update(repo.files.get(path)!).digest("hex") }));
  }

  function preupload(request: IncomingMessage, id: string, body: Buffer) {
    const repo = writableRepo(request, id);
    const input = parseJson<{ files?: { path: string; size: number; sample: string }[] }>(body);
    if (!Array.isArray(input.files)) throw new HttpError(400, "files is required");
    return {
      files: input.files.map((file) => ({ path: file.path, uploadMode: needsLfs(file) ? "lfs" : "regular", shouldIgnore: false, oid: undefined })),
      commitOid: repo.commits.at(-1)?.oid ?? "0".repeat(40),
    };
  }

  function lfsBatch(request: IncomingMessage, id: string, body: Buffer) {
    writableRepo(request, id);
    const input = parseJson<{ operation?: string; transfers?: string[]; objects?: { oid: string; size: number }[] }>(body);
    if (input.operation !== "upload") throw new HttpError(400, "Only upload is supported");
    if (input.transfers && !input.transfers.includes("basic")) throw new HttpError(422, "The basic transfer adapter is required");
    const stored = objects.get(id)!;
    return {
      transfer: "basic",
      objects: (input.objects ?? []).map(({ oid, size }) =>
        stored.has(oid)
          ? { oid, size }
          : { oid, size, authenticated: true, actions: { upload: { href: `${base}/__lfs/${id}/${oid}?size=${size}`, expires_in: 3600 } } },
      ),
    };
  }

  function upload(id: string, oid: string, size: number, body: Buffer) {
    const stored = objects.get(id);
    if (!stored) throw new HttpError(404, "Repository not found");
    if (body.length !== size) throw new HttpError(400, `Size mismatch: expected ${size} bytes, got ${body.length}`);
    const actual = createHash("sha256").update(body).digest("hex");
    if (actual !== oid) throw new HttpError(400, `sha256 mismatch: expected ${oid}, got ${actual}`);
    stored.set(oid, body);
  }

  function commit(request: IncomingMessage, id: string, revision: string, body: Buffer) {
    const repo = writableRepo(request, id);
    if (revision !== "main") throw new HttpError(404, `Revision not found: ${revision}`);
    const lines = body
      .toString("utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => parseJson<CommitLine>(Buffer.from(line)));
    const header = lines[0];
    if (header?.key !== "header") throw new HttpError(400, "The first line must be the commit header");
    const files = new Map(repo.files);
    const lfsPaths = new Set(repo.lfsPaths);
    const paths: string[] = [];
    // Everything is checked before anything is applied: a commit lands whole or not at all.
    for (const { key, value } of lines.slice(1)) {
      const path = String(value.path ?? "");
      if (!path || path.startsWith("/") || path.split("/").includes("..")) throw new HttpError(400, `Invalid path: ${path}`);
      if (key === "file") {
        if (value.encoding !== "base64") throw new HttpError(400, "Only base64 encoding is supported");
        files.set(path, Buffer.from(String(value.content), "base64"));
        lfsPaths.delete(path);
      } else if (key === "lfsFile") {
        const object = objects.get(id)!.get(String(value.oid));
        if (!object) throw new HttpError(422, `Your push was rejected because an LFS pointer pointed to a file that does not exist. For instance, this can happen if you used git push --no-verify to push your changes. Offending file: - ${path}`);
        if (object.length !== Number(value.size)) throw new HttpError(422, `Size mismatch for ${path}`);
        files.set(path, object);
        lfsPaths.add(path);
      } else if (key === "deletedFile") {
        if (!files.delete(path)) throw new HttpError(404, `File not found: ${path}`);
        lfsPaths.delete(path);
      } else {
        throw new HttpError(400, `Unknown operation: ${key}`);
      }
      paths.push(path);
    }
    const oid = randomBytes(20).toString("hex");
    repo.files = files;
    repo.lfsPaths = lfsPaths;
    repo.commits.push({ oid, title: String(header.value.summary ?? ""), description: String(header.value.description ?? ""), paths });
    return { success: true, commitOid: oid, commitUrl: `${base}/datasets/${id}/commit/${oid}`, hookOutput: "" };
  }

  async function route(request: IncomingMessage, path: string): Promise<{ step: FakeHubStep | null; answer: () => unknown }> {
    const method = request.method ?? "GET";
    let match: RegExpMatchArray | null;
    if (method === "GET" && path === "/api/whoami-v2") return { step: "whoami", answer: () => whoami(request) };
    if (method === "POST" && path === "/api/repos/create") {
      const body = await readBody(request);
      return { step: "create", answer: () => createRepo(request, body) };
    }
    if (method === "GET" && (match = path.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/revision\/([^/]+)$/))) return { step: "info", answer: () => info(request, match![1]!) };
    if (method === "POST" && (match = path.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/paths-info\/([^/]+)$/))) {
      const body = await readBody(request);
      return { step: "paths-info", answer: () => pathsInfo(request, match![1]!, body) };
    }
    if (method === "POST" && (match = path.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/preupload\/([^/]+)$/))) {
      const body = await readBody(request);
      return { step: "preupload", answer: () => preupload(request, match![1]!, body) };
    }
    if (method === "POST" && (match = path.match(/^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/))) {
      const body = await readBody(request);
      return { step: "batch", answer: () => lfsBatch(request, match![1]!, body) };
    }
    if (method === "PUT" && (match = path.match(/^\/__lfs\/([^/]+\/[^/]+)\/([0-9a-f]{64})$/))) {
      const body = await readBody(request);
      const size = Number(new URL(request.url ?? "", "http://fake").searchParams.get("size"));
      return { step: "upload", answer: () => upload(match![1]!, match![2]!, size, body) };
    }
    if (method === "POST" && (match = path.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/commit\/([^/]+)$/))) {
      const body = await readBody(request);
      return { step: "commit", answer: () => commit(request, match![1]!, decodeURIComponent(match![2]!), body) };
    }
    return { step: null, answer: () => { throw new HttpError(404, `Not found: ${method} ${path}`); } };
  }

  function send(response: ServerResponse, status: number, body: unknown, contentType = "application/json") {
    response.writeHead(status, { "content-type": contentType, "x-request-id": randomBytes(8).toString("hex") });
    response.end(body === undefined ? "" : JSON.stringify(body));
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    let step: FakeHubStep | null = null;
    route(request, path)
      .then((routed) => {
        step = routed.step;
        if (step) injected(step);
        const body = routed.answer();
        const lfs = step === "batch";
        requests.push({ method: request.method ?? "GET", path, step, status: 200 });
        send(response, 200, body, lfs ? "application/vnd.git-lfs+json" : "application/json");
      })
      .catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        const extra = (error as { extra?: Record<string, unknown> }).extra ?? {};
        requests.push({ method: request.method ?? "GET", path, step, status });
        send(response, status, { error: error instanceof Error ? error.message : String(error), ...extra });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    repo: (id) => repos.get(id),
    failNext(step, failure = {}) {
      failures.set(step, { status: failure.status ?? 500, message: failure.message ?? `Injected ${step} failure`, count: failure.count ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
