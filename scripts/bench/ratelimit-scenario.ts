// One rate-limit scenario through the real engine: a mock LLM with a quota, a
// classification design, createDataset → launchRun, and the worker(s) already
// running on the same database. Measures over the whole run (launch → run
// finished): the share a user actually gets, start-up and the last call included.
import type { DatasetDesignInput } from "@/lib/designs/design-schema";
import type { ModelLimits } from "@/lib/designs/model-schema";
import { startMockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getRunProgress, launchRun } from "@/server/generation/service";
import type { WorkQueue } from "@/server/jobs/queue";

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
  /** From the first finished item to the last: the run without its start-up and final call. */
  steadyMs: number;
  steadyItems: number;
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

export async function runScenario(db: PrismaClient, queue: WorkQueue, scenario: Scenario, log: (line: string) => void): Promise<ScenarioResult> {
  const mock = await startMockLlm({ port: 0, rpm: scenario.quota, latencyMs: scenario.latencyMs, hideLimitHeaders: scenario.hideLimitHeaders });
  try {
    const dataset = await createDataset(db, benchDesign(mock.url, scenario));
    const startedAt = Date.now();
    const launched = await launchRun(db, queue, dataset.id);
    let lastLog = startedAt;
    let first: { at: number; items: number } | undefined;
    for (;;) {
      const progress = await getRunProgress(db, launched.runId);
      const now = Date.now();
      if (!first && progress.succeededItems > 0) first = { at: now, items: progress.succeededItems };
      if (progress.terminal) {
        const stats = mock.stats();
        return {
          ...scenario,
          plannedItems: launched.plannedItems,
          succeededItems: progress.succeededItems,
          failedItems: progress.failedItems,
          requests: stats.chatCompletions,
          ok: stats.byStatus["200"] ?? 0,
          rateLimited: stats.byStatus["429"] ?? 0,
          elapsedMs: now - startedAt,
          steadyMs: first ? now - first.at : 0,
          steadyItems: first ? progress.succeededItems - first.items : 0,
        };
      }
      if (now - lastLog >= 10_000) {
        lastLog = now;
        const stats = mock.stats();
        log(`${scenario.name}: ${((now - startedAt) / 1000).toFixed(0)} s, ${progress.succeededItems}/${launched.plannedItems} items, ${stats.byStatus["429"] ?? 0} × 429`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await mock.close();
  }
}

/** `configured: 598.4 req/min = 99.7 % of 600, 0 × 429 (0.0 %), 720 items in 72.3 s (first→last item …)`; req/min counts 200 responses over the whole run. */
export function formatResult(result: ScenarioResult): string {
  const minutes = result.elapsedMs / 60_000;
  const rpm = result.ok / minutes;
  const share = (100 * rpm) / result.quota;
  const rate429 = result.requests > 0 ? (100 * result.rateLimited) / result.requests : 0;
  const failed = result.failedItems > 0 ? `, ${result.failedItems} items FAILED` : "";
  const steadyRpm = result.steadyMs > 0 ? result.steadyItems / (result.steadyMs / 60_000) : 0;
  const steady = `first→last item ${steadyRpm.toFixed(1)} = ${((100 * steadyRpm) / result.quota).toFixed(1)} %`;
  return `${result.name}: ${rpm.toFixed(1)} req/min = ${share.toFixed(1)} % of ${result.quota}, ${result.rateLimited} × 429 (${rate429.toFixed(1)} %), ${result.succeededItems} items in ${(result.elapsedMs / 1000).toFixed(1)} s (${steady})${failed}`;
}

export function meetsTarget(result: ScenarioResult, target: { minShare: number; max429Share: number }): boolean {
  const share = result.ok / (result.elapsedMs / 60_000) / result.quota;
  const rate429 = result.requests > 0 ? result.rateLimited / result.requests : 0;
  return result.failedItems === 0 && share >= target.minShare && rate429 <= target.max429Share;
}
