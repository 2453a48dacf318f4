// CSV sources with other separators: a semicolon CSV and a TSV uploaded on the
// Sources page are stored with their columns, and the form says how each was read.
import { expect, test } from "./fixtures";

test("upload a semicolon CSV and a TSV, each reported with its separator", async ({ page }) => {
  const stamp = Date.now();
  await page.goto("/sources");
  const input = page.getByTestId("source-file-input");

  const semicolon = `name;price;note\r\napple;1,50;"fresh; crisp"\r\npear ${stamp};2,25;ripe\r\n`;
  await input.setInputFiles({ name: `prices-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(semicolon) });
  await expect(page.getByTestId("source-upload-result")).toHaveText(`prices-${stamp}.csv: read as semicolon-separated, 3 columns, 2 records.`);

  const tsv = `question\tanswer\nWhy, ${stamp}?\tBecause; that is why\n`;
  await input.setInputFiles({ name: `faq-${stamp}.tsv`, mimeType: "text/tab-separated-values", buffer: Buffer.from(tsv) });
  await expect(page.getByTestId("source-upload-result")).toHaveText(`faq-${stamp}.tsv: read as tab-separated, 2 columns, 1 record.`);
  // Both are listed as CSV sources (a .tsv is a CSV with tabs).
  for (const name of [`prices-${stamp}.csv`, `faq-${stamp}.tsv`]) {
    await expect(page.locator(`[data-testid="source-row"][data-name="${name}"]`)).toContainText("CSV");
  }
});
