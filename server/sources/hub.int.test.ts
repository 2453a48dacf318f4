// Hub samples over HTTP against the local fake of the dataset viewer API: seeded
// and reproducible, at most 100 rows per request, deduplicated, stored once, and
// clear errors for gated, unknown and rejected requests with no token in them.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sourceRefSchema } from "@/lib/sources/source-ref";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { startFakeDatasetsServer, type FakeDatasetsServer, type FakeRow } from "@/server/testing/fake-datasets-server";
import { createCaller } from "@/server/trpc/root";
import { drawHubSample } from "./hub/sample";
import { resolveSource } from "./service";
import { contextAs } from "@/server/testing/auth-context";

const TOKEN = "hf_secretTokenValue0123456789";
const reviews: FakeRow[] = Array.from({ length: 2_500 }, (_, i) => ({ text: `review number ${i}`, label: i % 2, meta: { stars: i % 5 } }));
const small: FakeRow[] = Array.from({ length: 30 }, (_, i) => ({ sentence: `s${i}` }));

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let fake: FakeDatasetsServer;

const rowRequests = () => fake.requests.filter((request) => request.path === "/rows");
const client = (token?: string) => ({ baseUrl: fake.url, hubUrl: "https://hub.example", token, retryDelayMs: 0 });

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as TRPCError;
}

beforeAll(async () => {
  fake = await startFakeDatasetsServer({
    token: TOKEN,
    datasets: {
      "acme/reviews": { configs: { default: { train: reviews, test: reviews.slice(0, 40) } } },
      "acme/glue": { configs: { cola: { validation: small }, sst2: { train: small } } },
      "acme/overlapping": { overlap: 7, configs: { default: { train: Array.from({ length: 250 }, (_, i) => ({ sentence: `s${i}` })) } } },
      "acme/gated": { gated: true, configs: { default: { train: small } } },
    },
  });
  process.env.HF_DATASETS_SERVER_URL = fake.url;
  process.env.HF_ENDPOINT = "https://hub.example";
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {} } }));
});

beforeEach(() => {
  fake.requests.length = 0;
});

afterAll(async () => {
  await fake?.close();
  await database?.drop();
});

describe("Hub samples", () => {
  it("fetches a seeded sample in windows of at most 100 rows and stores it", async () => {
    const source = await caller.sources.fetchHubSample({ dataset: "acme/reviews", sample: 250, seed: 3 });
    expect(source).toMatchObject({ kind: "hub", format: "hub", hubDataset: "acme/reviews", hubConfig: "default", hubSplit: "train", hubSample: 250, hubSeed: 3, hubRowsTotal: 2_500, recordCount: 250, columns: ["text", "label", "meta"] });
    expect(fake.requests.map((request) => request.path).slice(0, 2)).toEqual(["/splits", "/size"]);
    const windows = rowRequests().map((request) => ({ offset: Number(request.params.offset), length: Number(request.params.length) }));
    expect(windows.length).toBeGreaterThanOrEqual(5);
    expect(windows.every((window) => window.length <= 100)).toBe(true);
    const covered = windows.flatMap((window) => Array.from({ length: window.length }, (_, i) => window.offset + i));
    expect(new Set(covered).size).toBe(covered.length);

    const page = await caller.sources.get({ id: source.id, limit: 100 });
    const texts = page.records.map((record) => record.record.text as string);
    const indices = texts.map((text) => Number(text.split(" ").at(-1)));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(page.records[0]!.record.meta).toMatch(/^\{"stars":\d\}$/);
  });

  it("is reproducible: the same seed draws the same rows, another seed others", async () => {
    const first = await drawHubSample(client(), { dataset: "acme/reviews", sample: 120, seed: 9 });
    const second = await drawHubSample(client(), { dataset: "acme/reviews", sample: 120, seed: 9 });
    const other = await drawHubSample(client(), { dataset: "acme/reviews", sample: 120, seed: 10 });
    expect(second.rows).toEqual(first.rows);
    expect(first.rows).toHaveLength(120);
    expect(new Set(first.rows.map((row) => row.rowIndex)).size).toBe(120);
    expect(other.rows).not.toEqual(first.rows);
  });

  it("takes the whole split when the sample is larger, and deduplicates overlapping pages by row index", async () => {
    const sample = await drawHubSample(client(), { dataset: "acme/overlapping", sample: 1000, seed: 0 });
    expect(rowRequests().map((request) => [request.params.offset, request.params.length])).toEqual([["0", "100"], ["100", "100"], ["200", "50"]]);
    expect(sample.rows.map((row) => row.rowIndex)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(sample.rows[42]!.record).toEqual({ sentence: "s42" });
    expect(sample).toMatchObject({ config: "default", split: "train", totalRows: 250 });
  });

  it("reuses the stored sample for the same spec without asking the Hub again", async () => {
    const ref = sourceRefSchema.parse({ hub: { dataset: "acme/reviews", split: "test", sample: 10, seed: 1 } });
    const first = await resolveSource(database.db, ref);
    const requestsAfterFirst = fake.requests.length;
    const again = await resolveSource(database.db, ref);
    expect(requestsAfterFirst).toBeGreaterThan(0);
    expect(fake.requests.length).toBe(requestsAfterFirst);
    expect(again.sourceId).toBe(first.sourceId);
    expect(again.documents).toEqual(first.documents);
    expect(first.documents).toHaveLength(10);
  });

  it("defaults to the first config and its train split, else its first split", async () => {
    const source = await caller.sources.fetchHubSample({ dataset: "acme/glue", sample: 5 });
    expect(source).toMatchObject({ hubConfig: "cola", hubSplit: "validation", recordCount: 5 });
  });

  it("names the available configs and splits when one is unknown", async () => {
    expect((await failure(caller.sources.fetchHubSample({ dataset: "acme/glue", config: "mnli" }))).message).toBe('The Hub dataset "acme/glue" has no config "mnli". Its configs are: "cola", "sst2".');
    expect((await failure(caller.sources.fetchHubSample({ dataset: "acme/reviews", split: "dev" }))).message).toBe('The config "default" of "acme/reviews" has no split "dev". Its splits are: "train", "test".');
  });

  it("asks for a Hub token for a gated dataset (401), and fetches it with one that is never stored", async () => {
    const gated = await failure(caller.sources.fetchHubSample({ dataset: "acme/gated", sample: 3 }));
    expect(gated.code).toBe("BAD_REQUEST");
    expect(gated.message).toMatch(/^The Hub dataset "acme\/gated" was not found, or it is gated or private \(the dataset viewer answered 401: The dataset does not exist, or is not accessible without authentication/);
    expect(gated.message).toContain("https://hub.example/datasets/acme/gated");
    expect(gated.message).toContain("set a Hub token");

    const source = await caller.sources.fetchHubSample({ dataset: "acme/gated", sample: 3, token: TOKEN });
    expect(source.recordCount).toBe(3);
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(await database.db.source.findMany())).not.toContain(TOKEN);
  });

  it("answers 404 for an unknown dataset or a token that cannot read it, without echoing the token", async () => {
    const unknown = await failure(caller.sources.fetchHubSample({ dataset: "acme/nope" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/^The Hub dataset "acme\/nope" was not found \(the dataset viewer answered 404: .+\)\. Check the dataset id, config and split/);
    const wrongToken = await failure(caller.sources.fetchHubSample({ dataset: "acme/gated", token: "hf_wrongWrongWrong123" }));
    expect(wrongToken.message).toContain("was not found with this token");
    expect(wrongToken.message).not.toContain("hf_wrongWrongWrong123");
  });

  it("reports a 422 with the server's own error text", async () => {
    fake.failNext(422, "Parameter 'length' must not be greater than 100");
    const error = await failure(caller.sources.fetchHubSample({ dataset: "acme/reviews", sample: 7, seed: 77 }));
    expect(error.message).toBe(`The dataset viewer rejected the request for "acme/reviews" (422: Parameter 'length' must not be greater than 100).`);
  });

  it("retries a 5xx, then reports it with the server's text, sanitized", async () => {
    fake.failNext(503, "overloaded", 1);
    expect((await drawHubSample(client(), { dataset: "acme/glue", sample: 3, seed: 0 })).rows).toHaveLength(3);
    fake.failNext(500, `internal failure for Authorization: Bearer ${TOKEN}`, 3);
    await expect(drawHubSample(client(TOKEN), { dataset: "acme/gated", sample: 3, seed: 0 })).rejects.toThrow(
      'The dataset viewer could not serve "acme/gated" right now (500: internal failure for Authorization: [redacted]). Try again later',
    );
  });

  it("the fake follows the real API: 422 for length > 100 with an error body", async () => {
    const response = await fetch(`${fake.url}/rows?dataset=acme/reviews&config=default&split=train&offset=0&length=101`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "Parameter 'length' must not be greater than 100" });
  });
});
