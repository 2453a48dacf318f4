import { expect, type APIRequestContext } from "@playwright/test";

/** The mock LLM that playwright.config.ts starts (fixtures.ts says the same; imported here would make a cycle). */
const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT ?? 8788}/v1`;

type TrpcAnswer<T> = { result: { data: T } };

async function call<T>(request: APIRequestContext, procedure: string, input: unknown, method: "post" | "get" = "post"): Promise<T> {
  const response =
    method === "post" ? await request.post(`/api/trpc/${procedure}`, { data: input }) : await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as TrpcAnswer<T>).result.data;
}

/**
 * A finished classification dataset made through the app's own API (create,
 * launch, wait): 2 labels × 2 tones × `samples` rows. `say` makes the mock LLM
 * start every generated text with that text, verbatim.
 */
export async function seedReviewDataset(request: APIRequestContext, options: { name: string; samples: number; say?: string }): Promise<string> {
  const say = options.say ? ` [mock-say]${options.say}[/mock-say]` : "";
  const design = {
    name: `${options.name}-${Date.now()}`,
    type: "classification",
    languages: ["en"],
    models: [{ provider: "openai-compatible", baseURL: MOCK, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 6000, concurrency: 8 } }],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: [`Write {{num_samples}} short {{language}} customer messages about {{label}} in a {{tone}} tone.${say}`],
    variables: { tone: ["angry", "polite"] },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: options.samples,
  };
  const { id } = await call<{ id: string }>(request, "datasets.create", { design });
  const { runId } = await call<{ runId: string }>(request, "runs.launch", { datasetId: id });
  await expect
    .poll(async () => (await call<{ status: string }>(request, "runs.progress", { runId }, "get")).status, { timeout: 60_000, intervals: [250, 500, 1000] })
    .toBe("completed");
  return id;
}
