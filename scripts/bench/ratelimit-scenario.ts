// One rate-limit scenario through the real engine: a mock LLM with a quota, a
// classification design, createDataset → launchRun, and the worker(s) already
// running on the same database. Two measures: the whole run (launchRun called →
// run finished, start-up and the last call's latency included: what a user
// gets) and the sustained rate (first → last request the mock received).
import { fork } from "node:child_process";
import path from "node:path";
import type { DatasetDesignInput } from "@/lib/designs/design-schema";
import type { ModelLimits } from "@/lib/designs/model-schema";
import type { MockLlmOptions } from "@/scripts/mock-llm/options";
import { createDataset } from "@/server/datasets/service";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getRunProgress, launchRun } from "@/server/generation/service";
import type { WorkQueue } from "@/server/jobs/queue";
import type { ChildReport } from "./ratelimit-mock-child";

export type Scenario = {
  name: string;
  /** The mock's requests-per-minute quota (sliding 60 s window). */
  quota: number;
  hideLimitHeaders: boolean;
  /** What the design configures; {} = nothing, the limiter must find the quota itself. */
  limits: ModelLimits;
  items: number;
  latencyMs: number;
};

export type ScenarioResult = Scenario & {
  plannedItems: number;
  succeededItems: number;
  failedItems: number;
  requests: number;
  ok: number;
  rateLimited: number;
  elapsedMs: number;
  /** First → last request the mock received. */
  sendingMs: number;
};

const LABELS = ["billing", "bug", "refund", "shipping", "account", "privacy", "feature", "praise"];

export function benchDesign(baseURL: string, scenario: Scenario): DatasetDesignInput {
  const topics = Array.from({ length: Math.ceil(scenario.items / LABELS.length) }, (_, index) => `topic ${index + 1}`);
  return {
    name: `bench-ratelimit-${scenario.name}-${Date.now()}`,
    type: "classification",
    languages: ["en"],
    models: [{ provider: "openai-compatible", baseURL, model: "mock-1", limits: scenario.limits }],
    labels: LABELS.map((name) => ({ name, description: `Messages about ${name}` })),
    templates: ["Write {{num_samples}} short {{language}} customer message about {{label}} ({{label_description}}) concerning {{topic}}."],
    variables: { topic: topics },
    expansion: { mode: "combinatorial", maxPrompts: 100_000 },
    samplesPerPrompt: 1,
  } as DatasetDesignInput;
}

type MockChild = { url: string; report(): Promise<ChildReport>; close(): Promise<void> };

async function startMockChild(options: MockLlmOptions): Promise<MockChild> {
  const child = fork(path.join(import.meta.dirname, "ratelimit-mock-child.ts"), [JSON.stringify(options)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let pending: { resolve(message: unknown): void; reject(error: Error): void } | undefined;
  child.on("message", (message) => pending?.resolve(message));
  child.on("exit", (code) => pending?.reject(new Error(`mock LLM process exited with code ${code}`)));
  const next = () => new Promise<unknown>((resolve, reject) => (pending = { resolve, reject }));
  const started = next();
  const { url } = (await started) as { url: string };
  return {
    url,
    report: async () => {
      const reply = next();
      child.send("report");
      return (await reply) as ChildReport;
    },
    close: () => new Promise<void>((resolve) => {
      pending = undefined;
      child.once("exit", () => resolve());
      child.disconnect();
    }),
  };
}

export async function runScenario(db: PrismaClient, queue: WorkQueue, scenario: Scenario, log: (line: string) => void): Promise<ScenarioResult> {
  const mock = await startMockChild({ rpm: scenario.quota, latencyMs: scenario.latencyMs, hideLimitHeaders: scenario.hideLimitHeaders });
  try {
    const dataset = await createDataset(db, benchDesign(mock.url, scenario));
    const startedAt = Date.now();
    const launched = await launchRun(db, queue, dataset.id);
    let lastLog = startedAt;
    for (;;) {
      const progress = await getRunProgress(db, launched.runId);
      const now = Date.now();
      if (progress.terminal) {
        const { stats, firstRequestAt, lastRequestAt } = await mock.report();
        return {
          ...scenario,
          plannedItems: launched.plannedItems,
          succeededItems: progress.succeededItems,
          failedItems: progress.failedItems,
          requests: stats.chatCompletions,
          ok: stats.byStatus["200"] ?? 0,
          rateLimited: stats.byStatus["429"] ?? 0,
          elapsedMs: now - startedAt,
          sendingMs: lastRequestAt - firstRequestAt,
        };
      }
      if (now - lastLog >= 10_000) {
        lastLog = now;
        const { stats } = await mock.report();
        log(`${scenario.name}: ${((now - startedAt) / 1000).toFixed(0)} s, ${progress.succeededItems}/${launched.plannedItems} items, ${stats.byStatus["429"] ?? 0} × 429`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await mock.close();
  }
}

export function measure(result: ScenarioResult) {
  const wholeRpm = result.ok / (result.elapsedMs / 60_000);
  const sustainedRpm = result.sendingMs > 0 ? (result.ok - 1) / (result.sendingMs / 60_000) : 0;
  return {
    wholeRpm,
    wholeShare: wholeRpm / result.quota,
    sustainedRpm,
    sustainedShare: sustainedRpm / result.quota,
    share429: result.requests > 0 ? result.rateLimited / result.requests : 0,
  };
}

/** `configured: 598.4 req/min = 99.7 % of 600, 0 × 429 (0.0 %), 720 items in 72.3 s (whole run …)`: req/min counts 200 responses. */
export function formatResult(result: ScenarioResult): string {
  const m = measure(result);
  const pct = (share: number) => `${(100 * share).toFixed(1)} %`;
  const failed = result.failedItems > 0 ? `, ${result.failedItems} items FAILED` : "";
  return `${result.name}: ${m.sustainedRpm.toFixed(1)} req/min = ${pct(m.sustainedShare)} of ${result.quota}, ${result.rateLimited} × 429 (${pct(m.share429)}), ` +
    `${result.succeededItems} items in ${(result.elapsedMs / 1000).toFixed(1)} s (whole run: ${m.wholeRpm.toFixed(1)} req/min = ${pct(m.wholeShare)})${failed}`;
}

/** Judged on the sustained rate (the limiter's doing); the whole-run figure adds the engine's start-up and the last call. */
export function meetsTarget(result: ScenarioResult, target: { minShare: number; max429Share: number }): boolean {
  const m = measure(result);
  return result.failedItems === 0 && m.sustainedShare >= target.minShare && m.share429 <= target.max429Share;
}
