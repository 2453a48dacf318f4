// The provider layer through the UI: a stored connection with an encrypted key
// that never reaches the browser, a price that drives the estimate and the
// run's cost, and a budget that pauses the run until it is raised.
import { expect, MOCK_BASE_URL, test } from "./fixtures";

const API_KEY = "sk-e2e-secret-key-0123456789";

test("a stored connection and a price drive a budgeted run", async ({ page, settingsPage, designPage, datasetPage, runPage }) => {
  const name = `mock-${Date.now()}`;
  const seen: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/trpc")) seen.push(await response.text().catch(() => ""));
  });

  // One call at a time, so the budget is crossed with items still waiting.
  await settingsPage.addConnection({ name, kind: "openai_compatible", baseUrl: MOCK_BASE_URL, apiKey: API_KEY, concurrency: "1" });
  await expect(settingsPage.connectionRow(name).getByTestId("connection-key-preview")).toHaveText("sk-…6789");
  const result = await settingsPage.testConnection(name);
  await expect(result).toHaveAttribute("data-status", "ok");

  // A made-up, expensive price so that a small budget is crossed quickly.
  await settingsPage.setPrice("mock-2", "1000", "1000");

  await designPage.open();
  await designPage.setName(`priced-${Date.now()}`);
  await designPage.useConnection(name, "mock-2");
  await expect(designPage.estimateCost()).toHaveText(/^\$\d+\.\d{2}$/);

  const datasetId = await designPage.save();
  await datasetPage.open(datasetId);
  await datasetPage.launchRun("0.05");
  await expect(runPage.status()).toHaveText(/paused/i, { timeout: 60_000 });
  await expect(page.getByTestId("run-paused-reason")).toContainText("Budget reached");

  await page.getByTestId("resume-budget").fill("1000");
  await page.getByTestId("resume-run").click();
  await runPage.waitUntilFinished("completed");
  await expect(runPage.done()).toHaveText(/\b20\b/);
  await expect(page.getByTestId("run-model-calls")).toHaveText(/^\d+$/);
  await expect(page.getByTestId("run-models")).toContainText("mock-2");

  // The key went in once and never came back in any API response or page.
  expect(seen.length).toBeGreaterThan(0);
  for (const body of seen) expect(body).not.toContain(API_KEY);
  expect(await page.content()).not.toContain(API_KEY);
});
