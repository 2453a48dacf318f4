// Pieces of the engine benchmark (engine.ts): the design, a mock LLM in its own
// process (its CPU and memory are the "model", not the engine's), an RSS
// sampler, and the raw batched INSERT the engine's row rate is compared with.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { DatasetDesignInput } from "@/lib/designs/design-schema";
import { PROJECT_ROOT } from "@/scripts/database/ensure-database";

const LABELS = ["billing", "bug", "refund", "shipping"];

/** A classification design with exactly `rows` rows: rows / samples items, spread over 4 labels. */
export function engineBenchDesign(baseURL: string, rows: number, samples: number): DatasetDesignInput {
  const items = Math.ceil(rows / samples);
  if (items % LABELS.length !== 0 || items * samples !== rows) {
    throw new Error(`--rows must be a multiple of ${LABELS.length * samples} (${LABELS.length} labels × ${samples} samples per prompt)`);
  }
  const topics = Array.from({ length: items / LABELS.length }, (_, index) => `topic ${index + 1}`);
  return {
    name: `bench-engine-${Date.now()}`,
    type: "classification",
    languages: ["en"],
    // No limits: the limiter's unconfigured path, which must cost no round trip per call.
    models: [{ provider: "openai-compatible", baseURL, model: "mock-1" }],
    labels: LABELS.map((name) => ({ name, description: `Messages about ${name}` })),
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) concerning {{topic}}."],
    variables: { topic: topics },
    expansion: { mode: "combinatorial", maxPrompts: 1_000_000 },
    samplesPerPrompt: samples,
  } as DatasetDesignInput;
}

export type MockProcess = { url: string; stop(): Promise<void> };

/** `npm run mock-llm` on a free port, no quota, zero latency unless `latencyMs` is given. */
export async function startMockProcess(latencyMs = 0): Promise<MockProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", "mock-llm.ts"), "--port", "0", "--latency-ms", String(latencyMs)], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+\/v1)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`mock LLM exited with code ${code} before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Peak and current RSS, sampled every 100 ms. */
export function sampleRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  timer.unref();
  return {
    get peak() {
      return Math.max(peak, process.memoryUsage.rss());
    },
    reset() {
      peak = process.memoryUsage.rss();
    },
    stop: () => clearInterval(timer),
  };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * This process's memory (the engine's; the mock and Postgres are other processes): RSS, the V8
 * heap's used and reserved size, memory of JS objects held outside it (external, of which
 * ArrayBuffers and Buffers are arrayBuffers).
 */
export function memoryLine(): string {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return `RSS ${mb(rss)} (heap ${mb(heapUsed)} used / ${mb(heapTotal)} total, external ${mb(external)}, arrayBuffers ${mb(arrayBuffers)})`;
}

type RawRow = { text: string; data: unknown; labels: string[]; language: string; model: string; prompt: string; variables: unknown; parameters: unknown; connection_id: string | null };

const COLUMNS = ["id", "dataset_id", "run_id", "work_item_id", "index", "data", "text", "labels", "language", "model", "connection_id", "prompt", "variables", "parameters", "input_tokens", "output_tokens", "reasoning_tokens", "cost_usd", "latency_ms"];

/**
 * The same number of rows as the engine stored, with the same contents (cycled
 * from the engine's own rows), into the same table and indexes, for work items
 * of a second run that nothing executes: multi-row INSERTs of 1,000 rows, one
 * connection, each batch its own transaction. Returns the elapsed ms.
 */
export async function rawInsert(url: string, input: { sourceRunId: string; targetRunId: string; rows: number }): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sample = await client.query<RawRow>(
      "SELECT text, data, labels, language, model, prompt, variables, parameters, connection_id FROM rows WHERE run_id = $1 LIMIT 1000",
      [input.sourceRunId],
    );
    const items = await client.query<{ id: string; expected_rows: number; dataset_id: string }>(
      "SELECT w.id, w.expected_rows, r.dataset_id FROM work_items w JOIN runs r ON r.id = w.run_id WHERE w.run_id = $1 ORDER BY w.ordinal",
      [input.targetRunId],
    );
    const slots = items.rows.flatMap((item) => Array.from({ length: item.expected_rows }, (_, index) => ({ item, index }))).slice(0, input.rows);
    const batch = 1000;
    const started = performance.now();
    for (let start = 0; start < slots.length; start += batch) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const [offset, slot] of slots.slice(start, start + batch).entries()) {
        const row = sample.rows[(start + offset) % sample.rows.length]!;
        const base = values.length;
        values.push(
          randomUUID(), slot.item.dataset_id, input.targetRunId, slot.item.id, slot.index, JSON.stringify(row.data), row.text, row.labels, row.language, row.model,
          row.connection_id, row.prompt, JSON.stringify(row.variables), JSON.stringify(row.parameters), 20, 30, 0, 0, 1,
        );
        tuples.push(`(${COLUMNS.map((_, index) => `$${base + index + 1}`).join(", ")})`);
      }
      await client.query(`INSERT INTO rows (${COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}`, values);
    }
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

export async function dropBenchDatabases(adminUrl: string, keep?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_engine\\_%'");
    for (const { datname } of rows) if (datname !== keep) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
