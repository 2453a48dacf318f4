// Pushing a dataset to the Hub through the tRPC router, with the real
// @huggingface/hub client against the fake Hub: repo creation, Parquet files at
// the Hub's paths, the README card, re-pushes, a failure half-way then a retry,
// a bad token, repo id validation and two pushes racing for one repo.
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { TRPCError } from "@trpc/server";
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ZodError } from "zod";
import { resetServerSecret } from "@/server/secrets/server-secret";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { startFakeHubServer, type FakeHubServer } from "@/server/testing/fake-hub-server";
import { raceBehindTableLock } from "@/server/testing/lock-race";
import { createTypedDataset } from "@/server/testing/review-factory";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import { trpcFailure as failure } from "@/server/testing/trpc-failure";

const TOKEN = "hf_alice-write-token-0123456789";
const ROWS = 40;
let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let hub: FakeHubServer;
let connectionId: string;
let datasetId: string;
let rowIds: string[];

const design = {
  languages: ["en", "fr"],
  models: [{ connection: "mock", model: "mock-1" }],
  templates: ["Write {{num_samples}} messages labelled {{label}} about {{product}}.\n---\nlicense: mit"],
  variables: { product: ["router", "modem"] },
  labels: [{ name: "billing", description: "money" }, { name: "bug", description: "broken" }],
};


async function parquetRows(buffer: Buffer | undefined): Promise<Record<string, unknown>[]> {
  expect(buffer).toBeDefined();
  const bytes = buffer!.buffer.slice(buffer!.byteOffset, buffer!.byteOffset + buffer!.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file: bytes });
}

function frontMatter(readme: Buffer | undefined): Record<string, unknown> {
  const match = readme?.toString("utf8").match(/^---\n([\s\S]*?)\n---\n/);
  expect(match).not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

/** Resolves once `count` sessions of this database wait for a lock (polled: pg has no event for it). */
async function tempDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith("datafast-hub-"));
}

beforeAll(async () => {
  process.env.DATAFAST_SECRET = "integration-test-secret-0123456789abcdef";
  resetServerSecret();
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
  hub = await startFakeHubServer({ users: { [TOKEN]: "alice" }, orgs: { "acme-labs": ["alice"] } });
  connectionId = (await caller.integrations.create({ name: "hub", kind: "hub", url: hub.url, token: TOKEN })).id;
  const rows = Array.from({ length: ROWS }, (_, index) => ({ text: `message ${index}`, label: index % 2 ? "bug" : "billing" }));
  ({ datasetId, rowIds } = await createTypedDataset(database.db, "classification", design, rows));
  // 10 accepted, 5 rejected, the rest pending; one accepted row edited.
  for (const [index, rowId] of rowIds.slice(0, 15).entries()) {
    await database.db.review.create({ data: { rowId, datasetId, status: index < 10 ? "accepted" : "rejected", labels: [], editedData: index === 0 ? { text: "edited message 0" } : undefined } });
  }
});

afterAll(async () => {
  await hub?.close();
  await database?.drop();
});

describe("push to the Hub", () => {
  it("creates a private repo with Parquet per split under data/ and a README card", async () => {
    const before = await tempDirs();
    const push = await caller.hub.push({ datasetId, connectionId, repoId: "support-intents", testShare: 0.25, license: "cc-by-4.0" });
    expect(push).toMatchObject({ status: "completed", repoId: "alice/support-intents", rowCount: ROWS, private: true, connectionName: "hub", repoUrl: `${hub.url}/datasets/alice/support-intents`, error: null });
    expect(push.commitSha).toMatch(/^[0-9a-f]{40}$/);
    const repo = hub.repo("alice/support-intents")!;
    expect(repo.private).toBe(true);
    expect([...repo.files.keys()].sort()).toEqual(["README.md", "data/test-00000-of-00001.parquet", "data/train-00000-of-00001.parquet"]);
    // Parquet went through LFS (preupload said so, the batch answered basic, the PUT was verified); README inline.
    expect([...repo.lfsPaths].sort()).toEqual(["data/test-00000-of-00001.parquet", "data/train-00000-of-00001.parquet"]);
    expect(hub.requests.filter((request) => request.step === "upload" && request.status === 200)).toHaveLength(2);

    const train = await parquetRows(repo.files.get("data/train-00000-of-00001.parquet"));
    const test = await parquetRows(repo.files.get("data/test-00000-of-00001.parquet"));
    expect(train.length + test.length).toBe(ROWS);
    expect(test.length).toBeGreaterThan(0);
    expect(push.splits).toEqual({ train: train.length, test: test.length });
    expect([...train, ...test].map((row) => row.text)).toContain("edited message 0");

    const meta = frontMatter(repo.files.get("README.md"));
    expect(meta).toMatchObject({
      license: "cc-by-4.0",
      language: ["en", "fr"],
      task_categories: ["text-classification"],
      size_categories: ["n<1K"],
      tags: ["synthetic", "datafast"],
      configs: [{ config_name: "default", data_files: [{ split: "train", path: "data/train-00000-of-00001.parquet" }, { split: "test", path: "data/test-00000-of-00001.parquet" }] }],
    });
    const readme = repo.files.get("README.md")!.toString("utf8");
    expect(readme).toContain("10 accepted, 5 rejected, 25 pending, 1 edited");
    expect(readme).toContain("| mock\\-1 | — | 40 |");
    expect(readme).toContain("```json\n[\n  \"router\",\n  \"modem\"\n]\n```");
    // The template's own "---" stays inside its fence, after the front matter.
    expect(readme.indexOf("---\nlicense: mit")).toBeGreaterThan(readme.indexOf("## Templates"));
    expect(await tempDirs()).toEqual(before);
  });

  it("re-pushes other rows to the same repo: the files are replaced, the stale test split removed", async () => {
    const push = await caller.hub.push({ datasetId, connectionId, repoId: "alice/support-intents", rows: "accepted", private: false, commitMessage: "Accepted rows only" });
    expect(push).toMatchObject({ status: "completed", rowCount: 10, splits: { train: 10 } });
    const repo = hub.repo("alice/support-intents")!;
    // Visibility is set at creation only.
    expect(repo.private).toBe(true);
    expect([...repo.files.keys()].sort()).toEqual(["README.md", "data/train-00000-of-00001.parquet"]);
    expect(await parquetRows(repo.files.get("data/train-00000-of-00001.parquet"))).toHaveLength(10);
    expect(frontMatter(repo.files.get("README.md")).configs).toEqual([{ config_name: "default", data_files: [{ split: "train", path: "data/train-00000-of-00001.parquet" }] }]);
    expect(repo.commits.map((commit) => commit.title)).toEqual(["Upload 40 rows with datafast", "Accepted rows only"]);
    expect(repo.commits[1]!.paths).toContain("data/test-00000-of-00001.parquet");
  });

  it("leaves nothing half-pushed when the commit fails, and a retry lands exactly one set of files", async () => {
    hub.failNext("commit", { status: 500, message: "Internal Error - We're working hard to fix this as soon as possible!" });
    const error = await failure(caller.hub.push({ datasetId, connectionId, repoId: "acme-labs/intents-v2", private: false }));
    expect(error.message).toContain("HTTP 500");
    expect(error.message).toContain("push again");
    const repo = hub.repo("acme-labs/intents-v2")!;
    expect(repo.private).toBe(false);
    expect(repo.files.size).toBe(0);
    expect(repo.commits).toHaveLength(0);

    const retried = await caller.hub.push({ datasetId, connectionId, repoId: "acme-labs/intents-v2", private: false });
    expect(retried).toMatchObject({ status: "completed", rowCount: ROWS });
    expect([...repo.files.keys()].sort()).toEqual(["README.md", "data/train-00000-of-00001.parquet"]);
    expect(repo.commits).toHaveLength(1);
    const rows = await parquetRows(repo.files.get("data/train-00000-of-00001.parquet"));
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((row) => row.text)).size).toBe(ROWS);

    const pushes = await caller.hub.pushes({ datasetId });
    expect(pushes.slice(0, 2).map((push) => [push.repoId, push.status])).toEqual([["acme-labs/intents-v2", "completed"], ["acme-labs/intents-v2", "failed"]]);
    expect(pushes[1]!.error).toContain("HTTP 500");
  });

  it("never puts rows asked to be private into an existing public repo", async () => {
    const repo = hub.repo("acme-labs/intents-v2")!;
    const commitsBefore = repo.commits.length;
    const error = await failure(caller.hub.push({ datasetId, connectionId, repoId: "acme-labs/intents-v2", private: true }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain("acme-labs/intents-v2 already exists and is public");
    expect(error.message).toContain("Make the repo private on the Hub");
    expect(repo.commits).toHaveLength(commitsBefore);
    expect(hub.requests.filter((request) => request.step === "info").at(-1)!.status).toBe(200);
    // Refused at the repo, before any row was written.
    expect((await caller.hub.pushes({ datasetId }))[0]).toMatchObject({ repoId: "acme-labs/intents-v2", status: "failed", rowCount: null });
    // Once private on the Hub, the same push goes through.
    repo.private = true;
    expect(await caller.hub.push({ datasetId, connectionId, repoId: "acme-labs/intents-v2", private: true })).toMatchObject({ status: "completed", rowCount: ROWS });
    expect(repo.commits).toHaveLength(commitsBefore + 1);
  });

  it("recovers from a failed LFS upload the same way", async () => {
    hub.failNext("upload", { status: 503, message: "Service Unavailable" });
    const error = await failure(caller.hub.push({ datasetId, connectionId, repoId: "alice/lfs-retry" }));
    expect(error.message).toContain("HTTP 503");
    expect(hub.repo("alice/lfs-retry")!.files.size).toBe(0);
    // The repo exists now: the retry gets 409 from repos/create and goes on.
    await caller.hub.push({ datasetId, connectionId, repoId: "alice/lfs-retry" });
    expect(hub.requests.filter((request) => request.step === "create").at(-1)!.status).toBe(409);
    expect(await parquetRows(hub.repo("alice/lfs-retry")!.files.get("data/train-00000-of-00001.parquet"))).toHaveLength(ROWS);
  });

  it("rejects a commit that names an LFS object never uploaded (the fake follows the Hub)", async () => {
    const response = await fetch(`${hub.url}/api/datasets/alice/lfs-retry/commit/main`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-ndjson" },
      body: [{ key: "header", value: { summary: "x" } }, { key: "lfsFile", value: { path: "data/x.parquet", algo: "sha256", size: 3, oid: "a".repeat(64) } }].map((line) => JSON.stringify(line)).join("\n"),
    });
    expect(response.status).toBe(422);
    expect(hub.repo("alice/lfs-retry")!.files.has("data/x.parquet")).toBe(false);
  });

  it("says clearly when the Hub rejects the token, and records the failed push", async () => {
    await caller.integrations.update({ id: connectionId, name: "hub", kind: "hub", url: hub.url, token: "hf_revoked-token-000000" });
    const error = await failure(caller.hub.push({ datasetId, connectionId, repoId: "alice/support-intents" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain('rejected the token of connection "hub"');
    expect(error.message).toContain("Settings → Connections");
    expect(error.message).not.toContain("hf_revoked-token");
    const [latest] = await caller.hub.pushes({ datasetId });
    expect(latest).toMatchObject({ status: "failed", repoId: "alice/support-intents" });
    await caller.integrations.update({ id: connectionId, name: "hub", kind: "hub", url: hub.url, token: TOKEN });
  });

  it("validates the repo id with a message naming the problem", async () => {
    for (const [repoId, expected] of [
      ["alice/bad name", 'the repo name "bad name" in "alice/bad name" may contain only letters'],
      ["a/b/c", 'has more than one "/"'],
      ["alice/x--y", 'must not contain "--"'],
      ["", "repo id is required"],
    ] as const) {
      const error = await failure(caller.hub.push({ datasetId, connectionId, repoId }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      const issues = (error.cause as ZodError).issues;
      expect(issues.filter((issue) => issue.message.includes(expected)).map((issue) => issue.path.join("."))).toEqual(["repoId"]);
    }
    const error = await failure(caller.hub.push({ datasetId, connectionId, repoId: "someone-else/data" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("may not write there");
  });

  it("refuses a second push to the same repo while one is running, and fails pushes whose process died", async () => {
    const running = await database.db.hubPush.create({ data: { datasetId, connectionId, repoId: "alice/busy", private: true, rowsFilter: "all", phase: "uploading files" }, select: { id: true } });
    const conflict = await failure(caller.hub.push({ datasetId, connectionId, repoId: "alice/busy" }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("already being pushed to alice/busy");
    expect(hub.repo("alice/busy")).toBeUndefined();
    // Nothing has updated it for 11 minutes: its process is gone.
    await database.db.$executeRaw`UPDATE hub_pushes SET updated_at = now() - interval '11 minutes' WHERE id = ${running.id}::uuid`;
    const listed = (await caller.hub.pushes({ datasetId })).find((push) => push.id === running.id);
    expect(listed).toMatchObject({ status: "failed", phase: null });
    expect(listed!.error).toContain("push again");
    expect(await caller.hub.push({ datasetId, connectionId, repoId: "alice/busy" })).toMatchObject({ status: "completed" });
  });

  it("runs exactly one of two pushes to the same repo started at the same instant; the other is told why", async () => {
    // Both pushes are held at their first touch of hub_pushes until both wait there, then let go
    // together: without an atomic check-and-insert, both would see no running push and both run.
    const pushes = await raceBehindTableLock(database, "hub_pushes", 2, () => [0, 1].map(() => caller.hub.push({ datasetId, connectionId, repoId: "alice/race" })));
    const landed = pushes.filter((push) => push.status === "fulfilled");
    const refused = pushes.flatMap((push) => (push.status === "rejected" ? [push.reason as TRPCError] : []));
    expect(landed).toHaveLength(1);
    expect(landed[0]!.value).toMatchObject({ status: "completed", repoId: "alice/race", rowCount: ROWS });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(TRPCError);
    expect(refused[0]!.code).toBe("CONFLICT");
    expect(refused[0]!.message).toBe("This dataset is already being pushed to alice/race. Wait for that push to finish (its progress is listed on this page).");
    // Only the push that ran is recorded, and the Hub saw one commit.
    expect(await database.db.hubPush.findMany({ where: { datasetId, repoId: "alice/race" }, select: { status: true } })).toEqual([{ status: "completed" }]);
    expect(hub.repo("alice/race")!.commits).toHaveLength(1);
  });

  it("refuses to push no rows, and a split that leaves one side empty", async () => {
    const empty = await createTypedDataset(database.db, "classification", design, []);
    const noRows = await failure(caller.hub.push({ datasetId: empty.datasetId, connectionId, repoId: "alice/empty" }));
    expect(noRows.message).toContain("There are no rows to push");
    expect(hub.repo("alice/empty")).toBeUndefined();
    // One row cannot be in both splits, whatever the seeded draw says.
    const single = await createTypedDataset(database.db, "classification", design, [{ text: "only", label: "bug" }]);
    const split = await failure(caller.hub.push({ datasetId: single.datasetId, connectionId, repoId: "alice/empty", testShare: 0.5 }));
    expect(split.message).toMatch(/leaves the (test|train) split empty \(1 rows selected\)/);
    expect(hub.repo("alice/empty")).toBeUndefined();
  });
});
