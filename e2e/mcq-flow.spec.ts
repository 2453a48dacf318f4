// A document-based type end to end: MCQ from an uploaded CSV, with the editor
// flagging a template that lacks {{document}} and clearing it once added, a
// streamed preview kept as rows when saving, then a run.
import { expect, MOCK_BASE_URL, test } from "./fixtures";

const CSV = [
  "title,body",
  '"Photosynthesis","Photosynthesis is how green plants turn sunlight, water and carbon dioxide into glucose and oxygen, mainly in the chloroplasts of leaf cells."',
  '"The water cycle","Water evaporates, condenses into clouds and falls back as rain or snow; rivers and groundwater carry it back to the sea, driven by the sun."',
  '"Too short","Tiny."',
].join("\n");

test("build an MCQ dataset from an uploaded CSV, preview it, keep the preview and launch", async ({ page, designPage, datasetPage, runPage }) => {
  await designPage.open();
  await designPage.chooseType("mcq");
  await designPage.setName(`science-quiz-${Date.now()}`);
  await designPage.setModel(MOCK_BASE_URL, "mock-1");

  await designPage.uploadSource({ name: "science.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await designPage.setTextColumn("body");
  await page.getByTestId("source-min-length").fill("40");
  // Two documents within the bounds; the short one is skipped and counted.
  await expect(page.getByTestId("source-document-count")).toContainText("2");
  await expect(page.getByTestId("source-skipped")).toContainText("1");

  // A template without the mandatory {{document}} is flagged live, then cleared.
  await designPage.setTemplate(0, "Write {{num_samples}} quiz questions in {{language}}.");
  await expect(designPage.diagnostics(0)).toContainText("{{document}}");
  await designPage.setTemplate(0, "Write {{num_samples}} quiz questions in {{language}} about this text:\n\n{{document}}");
  await expect(designPage.diagnostics(0)).not.toContainText("{{document}}");

  // 2 documents × 1 prompt × 1 language × 1 model × 2 questions each.
  await expect(designPage.plannedRows()).toHaveText(/\b4\b/);

  const previewRows = await designPage.preview();
  await expect(previewRows).toHaveCount(2);
  await expect(previewRows.first()).toHaveAttribute("data-status", "done");
  await expect(previewRows.first().locator('[data-field="distractors"] li')).toHaveCount(3);
  await expect(page.getByTestId("keep-preview")).toBeChecked();

  const datasetId = await designPage.save();
  await datasetPage.open(datasetId);
  // The kept preview is a finished run of its own.
  await expect(page.getByTestId("run-from-preview")).toHaveCount(1);
  await expect(datasetPage.rowsTotal()).toHaveText(/\b2\b/);

  await datasetPage.launchRun();
  await runPage.waitUntilFinished("completed");
  await expect(runPage.done()).toHaveText(/\b4\b/);
  await datasetPage.open(datasetId);
  await expect(datasetPage.rowsTotal()).toHaveText(/\b6\b/);
});
