import { expect, type Page } from "@playwright/test";

/** The review page: filters, search and the virtualized grid of a dataset's rows. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async open(datasetId: string, query = "") {
    await this.page.goto(`/datasets/${datasetId}/review${query ? `?${query}` : ""}`);
    await expect(this.grid()).toBeVisible();
  }

  grid() {
    return this.page.getByTestId("rows-grid");
  }

  /** "20 rows match" */
  matchCount() {
    return this.page.getByTestId("rows-match");
  }

  async matchNumber(): Promise<number> {
    await expect(this.matchCount()).toHaveText(/\d+ rows? match/);
    return Number((await this.matchCount().textContent())!.replace(/\(of .*\)/, "").replace(/\D/g, ""));
  }

  rows() {
    return this.grid().getByTestId("row");
  }

  rowTexts() {
    return this.grid().getByTestId("row-text");
  }

  rowLabels() {
    return this.grid().getByTestId("row-label");
  }

  matches() {
    return this.grid().getByTestId("search-match");
  }

  searchBox() {
    return this.page.getByTestId("review-search");
  }

  notice() {
    return this.page.getByTestId("view-notice");
  }

  /** Checks one value of a facet filter (status, label, language, model, run, reviewer, rating, var-<name>) and closes the list. */
  async filterBy(facet: string, value: string) {
    await this.page.getByTestId(`filter-${facet}`).click();
    await this.page.getByTestId(`filter-${facet}-options`).locator(`[data-testid="filter-option"][data-value="${value}"]`).click();
    await this.page.keyboard.press("Escape");
  }

  async search(text: string) {
    await this.searchBox().fill(text);
    await this.searchBox().press("Enter");
  }
}
