// Regenerating a row from its page with an extra instruction: the new version
// replaces the old one in the dataset, and the old one stays in the row's history.
import type { APIRequestContext } from "@playwright/test";
import { expect, MOCK_BASE_URL, test } from "./fixtures";
import { RowPage } from "./pages/row-page";

async function createDataset(request: APIRequestContext): Promise<string> {
  const design = {
    name: `regenerate-${Date.now()}`,
    type: "classification",
    languages: ["en"],
    models: [{ provider: "openai-compatible", baseURL: MOCK_BASE_URL, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 6000, concurrency: 16 } }],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone."],
    variables: { tone: ["formal"] },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: 3,
  };
  const response = await request.post("/api/trpc/datasets.create", { data: { design } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { id: string } } }).result.data.id;
}

/** A current row of the dataset, through the same API the grid reads. */
async function firstRowId(request: APIRequestContext, datasetId: string): Promise<string> {
  const response = await request.get(`/api/trpc/rows.list?input=${encodeURIComponent(JSON.stringify({ datasetId }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  const rows = ((await response.json()) as { result: { data: { rows: { id: string }[] } } }).result.data.rows;
  expect(rows.length).toBeGreaterThan(0);
  return rows[0]!.id;
}

test("regenerate a row with an instruction: the new text replaces the old, which stays in the history", async ({ page, datasetPage, runPage }) => {
  const datasetId = await createDataset(page.request);
  await datasetPage.open(datasetId);
  await datasetPage.launchRun();
  await runPage.waitUntilFinished("completed");

  const rowId = await firstRowId(page.request, datasetId);
  const rowPage = new RowPage(page);
  await rowPage.open(datasetId, rowId);
  await expect(rowPage.versions()).toHaveCount(1);
  const oldText = (await rowPage.versionText(rowPage.currentVersion()).textContent())!;
  expect(oldText.length).toBeGreaterThan(0);

  await rowPage.regenerate("make the tone less formal");
  // The page follows the regeneration run until the new version is made.
  await expect(rowPage.versions()).toHaveCount(2, { timeout: 60_000 });
  await expect(rowPage.currentVersion()).toHaveCount(1);
  await expect(rowPage.currentVersion().getByTestId("row-version-instruction")).toHaveText("Instruction: make the tone less formal");
  const newText = (await rowPage.versionText(rowPage.currentVersion()).textContent())!;
  expect(newText).not.toBe(oldText);
  // The old version stays, marked replaced, with its text.
  await expect(rowPage.replacedVersions()).toHaveCount(1);
  await expect(rowPage.versionText(rowPage.replacedVersions())).toHaveText(oldText);
  await expect(page.getByTestId("row-current")).toContainText(newText);

  // In the dataset, the new text replaced the old one; the run is marked as a regeneration.
  await datasetPage.open(datasetId);
  await expect(datasetPage.rowsTotal()).toHaveText("6");
  const texts = await datasetPage.rowTexts();
  expect(texts).toContain(newText);
  expect(texts).not.toContain(oldText);
  await expect(page.getByTestId("run-kind")).toHaveText("regeneration");
});
