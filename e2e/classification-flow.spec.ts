// The walking skeleton end to end: design → live diagnostics and planned count →
// streamed preview → save → launch → live progress → rows → JSONL download.
import { readFile } from "node:fs/promises";
import { expect, MOCK_BASE_URL, test } from "./fixtures";

test("design, preview, run and download a classification dataset", async ({ page, designPage, datasetPage, runPage }) => {
  const name = `support-intents-${Date.now()}`;
  await designPage.open();
  await designPage.setName(name);
  await designPage.setModel(MOCK_BASE_URL, "mock-1");

  // The starter design: 2 labels × 2 tones × 1 language × 1 model × 5 samples.
  await expect(designPage.plannedRows()).toHaveText(/\b20\b/);

  // Live validation names the unknown variable and suggests the right one.
  const template = await designPage.templateText(0);
  await designPage.setTemplate(0, template.replace("{{tone}}", "{{tones}}"));
  await expect(designPage.diagnostics(0)).toContainText("{{tones}}");
  await expect(designPage.diagnostics(0)).toContainText("{{tone}}");
  await designPage.setTemplate(0, template);
  await expect(designPage.diagnostics(0)).not.toContainText("{{tones}}");

  const previewRows = await designPage.preview();
  await expect(previewRows).toHaveCount(3);
  for (const row of await previewRows.all()) await expect(row).not.toHaveText(/^\s*$/);
  // Discarded, the preview's rows do not join the dataset.
  await page.getByTestId("discard-preview").click();
  await expect(previewRows).toHaveCount(0);

  const datasetId = await designPage.save();
  await datasetPage.open(datasetId);
  const runId = await datasetPage.launchRun();
  expect(runId).toMatch(/^[0-9a-f-]{36}$/);

  await runPage.waitUntilFinished("completed");
  await expect(runPage.done()).toHaveText(/\b20\b/);
  await expect(runPage.planned()).toHaveText(/\b20\b/);
  await expect(runPage.progressBar()).toHaveAttribute("aria-valuenow", "100");

  await datasetPage.open(datasetId);
  await expect(datasetPage.rowsTotal()).toHaveText(/\b20\b/);
  const shown = await datasetPage.rowTexts();
  expect(shown).toHaveLength(20);

  const download = await datasetPage.downloadJsonl();
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  const lines = (await readFile(await download.path(), "utf8")).trim().split("\n").map((line) => JSON.parse(line));
  expect(lines).toHaveLength(20);
  expect(lines.map((line) => line.text).sort()).toEqual([...shown].sort());
  for (const line of lines) {
    expect(["billing", "bug"]).toContain(line.label);
    expect(line.language).toBe("en");
  }
  await page.close();
});
