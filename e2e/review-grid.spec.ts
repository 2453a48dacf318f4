// The review grid: filter by label through the filter bar, search a word and
// see it marked in the rows, reload and get the same view back from the address.
import type { APIRequestContext } from "@playwright/test";
import { expect, MOCK_BASE_URL, test } from "./fixtures";
import { classificationExample } from "../lib/designs/examples";
import { ReviewPage } from "./pages/review-page";

async function createDataset(request: APIRequestContext): Promise<string> {
  // The starter classification design: 2 labels × 2 tones × 5 samples = 20 rows.
  const design = { ...classificationExample(MOCK_BASE_URL), name: `review-grid-${Date.now()}` };
  const response = await request.post("/api/trpc/datasets.create", { data: { design } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { id: string } } }).result.data.id;
}

test("filter by label, search a word with its matches marked, and reload the same view from the address", async ({ page, datasetPage, runPage }) => {
  const datasetId = await createDataset(page.request);
  await datasetPage.open(datasetId);
  await datasetPage.launchRun();
  await runPage.waitUntilFinished("completed");

  const review = new ReviewPage(page);
  await datasetPage.open(datasetId);
  await page.getByTestId("open-review").click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/review$`));
  await expect(review.matchCount()).toHaveText("20 rows match");
  // Virtualized: only the rows in (and near) view are in the page.
  await expect(review.rows().first()).toBeVisible();

  // Label filter through the filter bar: only bug rows, fewer than all, and in the address.
  await review.filterBy("label", "bug");
  await expect(page).toHaveURL(/[?&]label=bug(&|$)/);
  await expect(review.matchCount()).toContainText("(of 20)");
  const bugRows = await review.matchNumber();
  // One label per row: 2 tones × 5 samples of each.
  expect(bugRows).toBe(10);
  await expect(review.rows()).toHaveCount(bugRows);
  for (const label of await review.rowLabels().allTextContents()) expect(label).toBe("bug");

  // Search a word that one of the shown rows has: every row found marks it.
  const firstText = (await review.rowTexts().first().textContent()) ?? "";
  const word = firstText.match(/[A-Za-z]{5,}/)?.[0];
  expect(word, `a word of five letters in "${firstText}"`).toBeTruthy();
  await review.search(word!);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}(&|$)`));
  const found = await review.matchNumber();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThanOrEqual(bugRows);
  await expect(review.rows()).toHaveCount(found);
  await expect(review.matches().first()).toBeVisible();
  for (const row of await review.rows().all()) {
    await expect(row.getByTestId("search-match").first()).toHaveText(new RegExp(`^${word}`, "i"));
  }
  // Marked as text inside <mark>, never as HTML.
  expect(await review.matches().first().evaluate((element) => element.tagName)).toBe("MARK");

  // The address is the view: a reload shows the same rows, filter and search.
  const url = page.url();
  await page.reload();
  await expect(review.grid()).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(review.searchBox()).toHaveValue(word!);
  await expect(page.getByTestId("filter-label")).toContainText("1");
  expect(await review.matchNumber()).toBe(found);
  await expect(review.rows()).toHaveCount(found);
  await expect(review.matches().first()).toBeVisible();

  // A garbled address still opens, with what was ignored said.
  await review.open(datasetId, "label=bug&status=maybe");
  await expect(review.notice()).toContainText("“maybe” is not a review status");
  expect(await review.matchNumber()).toBe(bugRows);
});
