// The benchmark's mock LLM in a process of its own: a real provider counts
// requests on its own clock, unaffected by the worker's event loop. Sharing
// the worker's process, the mock would date arrivals late whenever the worker
// is busy and see bunching that never reaches a real provider.
import { startMockLlm } from "@/scripts/mock-llm/server";
import type { MockLlmOptions } from "@/scripts/mock-llm/options";

export type ChildReport = { stats: ReturnType<Awaited<ReturnType<typeof startMockLlm>>["stats"]>; firstRequestAt: number; lastRequestAt: number };

async function main() {
  const options = JSON.parse(process.argv[2] ?? "{}") as MockLlmOptions;
  const mock = await startMockLlm({ ...options, port: 0 });
  // The mock keeps counts, not times: a fine poll finds when requests started and stopped arriving.
  let firstRequestAt = 0;
  let lastRequestAt = 0;
  let seen = 0;
  setInterval(() => {
    const count = mock.stats().chatCompletions;
    if (count === seen) return;
    seen = count;
    lastRequestAt = Date.now();
    if (firstRequestAt === 0) firstRequestAt = lastRequestAt;
  }, 1);
  process.on("message", (message) => {
    if (message === "report") process.send!({ stats: mock.stats(), firstRequestAt, lastRequestAt } satisfies ChildReport);
  });
  process.on("disconnect", () => void mock.close().finally(() => process.exit(0)));
  process.send!({ url: mock.url });
}

void main();
