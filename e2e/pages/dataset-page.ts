import { expect, type Page } from "@playwright/test";

export class DatasetPage {
  constructor(readonly page: Page) {}

  async open(datasetId: string) {
    await this.page.goto(`/datasets/${datasetId}`);
  }

  /** Launches a run and returns its id from the run page URL. */
  async launchRun(budgetUsd?: string): Promise<string> {
    if (budgetUsd) await this.page.getByTestId("run-budget").fill(budgetUsd);
    await this.page.getByTestId("launch-run").click();
    await this.page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").at(-1)!;
  }

  rowsTotal() {
    return this.page.getByTestId("rows-total");
  }

  async rowTexts(): Promise<string[]> {
    const table = this.page.getByTestId("rows-table");
    await expect(table).toBeVisible();
    return table.getByTestId("row-text").allTextContents();
  }

  /** Downloads `<name>.design.json` from "Export design". */
  async downloadDesign() {
    await this.page.getByTestId("export-design").click();
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("download-design").click()]);
    await this.page.keyboard.press("Escape");
    return download;
  }

  async downloadJsonl() {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("download-jsonl").first().click()]);
    return download;
  }
}
