// Run lifecycle from the run page: pause and resume a run, cancel another one
// (with a confirmation), and retry the failed items of a run that failed.
import type { APIRequestContext } from "@playwright/test";
import { expect, MOCK_BASE_URL, test } from "./fixtures";

/** Creates a dataset through the API: the design form has no field for the limits these runs need. */
async function createDataset(request: APIRequestContext, name: string, model: string, tones: string[], rpm = 120): Promise<string> {
  const design = {
    name: `${name}-${Date.now()}`,
    type: "classification",
    languages: ["en"],
    // 120 calls a minute: a 16-item run lasts several seconds, long enough to act on it.
    models: [{ provider: "openai-compatible", baseURL: MOCK_BASE_URL, model, apiKeyEnv: "MOCK_API_KEY", limits: { rpm, concurrency: 4 } }],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone."],
    variables: { tone: tones },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: 5,
  };
  const response = await request.post("/api/trpc/datasets.create", { data: { design } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { id: string } } }).result.data.id;
}

const EIGHT_TONES = ["angry", "polite", "neutral", "formal", "sad", "happy", "curt", "warm"];

test("pause a run, then resume it to exactly the planned rows", async ({ page, datasetPage, runPage }) => {
  const datasetId = await createDataset(page.request, "pause-resume", "mock-1", EIGHT_TONES);
  await datasetPage.open(datasetId);
  await datasetPage.launchRun();
  await expect(runPage.planned()).toHaveText(/\b80\b/);

  await runPage.pause();
  await expect(runPage.status()).toHaveText(/paused/i);
  await expect(page.getByTestId("run-paused-reason")).toHaveText("Paused by user");
  // A person's pause needs no new budget, and a paused run cannot be paused again.
  await expect(page.getByTestId("resume-budget")).toHaveCount(0);
  await expect(page.getByTestId("run-pause")).toHaveCount(0);
  expect(Number((await runPage.done().textContent())?.replace(/\D/g, ""))).toBeLessThan(80);

  await runPage.resume();
  await runPage.waitUntilFinished("completed");
  await expect(runPage.done()).toHaveText(/\b80\b/);
  await expect(runPage.progressBar()).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("run-succeeded")).toHaveText("80");
  await expect(page.getByTestId("run-pause")).toHaveCount(0);
  await expect(page.getByTestId("run-cancel")).toHaveCount(0);
  await expect(page.getByTestId("run-retry-failed")).toHaveCount(0);
});

test("cancel a run after a confirmation: the rows made are kept, the rest is cancelled", async ({ page, datasetPage, runPage }) => {
  // 20 calls a minute: the 16 items would take ~48 s, so some are surely still waiting when the cancel lands.
  const datasetId = await createDataset(page.request, "cancel", "mock-1", EIGHT_TONES, 20);
  await datasetPage.open(datasetId);
  await datasetPage.launchRun();
  await expect(runPage.status()).toHaveText(/queued|running/i);

  // Dismissing the confirmation changes nothing.
  await page.getByTestId("run-cancel").click();
  await page.getByRole("button", { name: "Keep running" }).click();
  await expect(page.getByTestId("run-cancel-confirm")).toHaveCount(0);
  await expect(runPage.status()).toHaveText(/queued|running/i);

  await runPage.cancel();
  // Cancelling while items are in flight, cancelled once they have finished.
  await expect(runPage.status()).toHaveText(/cancell(ing|ed)/i);
  await runPage.waitUntilFinished("cancelled");
  await expect(page.getByTestId("run-cancelled")).toContainText("planned rows cancelled");
  const done = Number((await runPage.done().textContent())?.replace(/\D/g, ""));
  const cancelled = Number((await page.getByTestId("run-cancelled").locator("span").first().textContent())?.replace(/\D/g, ""));
  // Every planned row is either made or cancelled, and the cancel stopped items that had not started.
  expect(done + cancelled).toBe(80);
  expect(cancelled).toBeGreaterThan(0);
  await expect(page.getByTestId("run-cancel")).toHaveCount(0);
  await expect(page.getByTestId("run-resume")).toHaveCount(0);
  await expect(page.getByTestId("download-jsonl")).toBeVisible();

  // The rows that were made are the dataset's rows.
  await datasetPage.open(datasetId);
  await expect(datasetPage.rowsTotal()).toHaveText(new RegExp(`\\b${done}\\b`));
});

test("retry the failed items of a failed run", async ({ page, datasetPage, runPage }) => {
  // The mock answers 404 for an unknown model: every item fails at once, and again when retried.
  const datasetId = await createDataset(page.request, "retry-failed", "nope", ["angry", "polite"]);
  await datasetPage.open(datasetId);
  await datasetPage.launchRun();
  await runPage.waitUntilFinished("failed");
  await expect(page.getByTestId("run-failed")).toHaveText("20");
  await expect(page.getByTestId("run-failure")).toHaveCount(1);
  await expect(page.getByTestId("run-failure")).toContainText("not_found");
  await expect(page.getByTestId("run-model-calls")).toHaveText("4");

  await expect(page.getByTestId("run-retry-failed")).toHaveText(/Retry 4 failed items/);
  await runPage.retryFailed();
  // Each item made one more attempt, and failed for the same reason.
  await expect(page.getByTestId("run-model-calls")).toHaveText("8");
  await runPage.waitUntilFinished("failed");
  await expect(page.getByTestId("run-failed")).toHaveText("20");
  await expect(page.getByTestId("run-failure")).toHaveCount(1);
  await expect(page.getByTestId("run-failure")).toContainText("not_found");
  await expect(page.getByTestId("run-retry-failed")).toBeVisible();
});
