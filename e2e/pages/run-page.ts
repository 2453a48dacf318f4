import { expect, type Page } from "@playwright/test";

export class RunPage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId("run-status");
  }

  async waitUntilFinished(status = "completed") {
    await expect(this.status()).toHaveText(new RegExp(status, "i"), { timeout: 60_000 });
  }

  done() {
    return this.page.getByTestId("run-done");
  }

  planned() {
    return this.page.getByTestId("run-planned");
  }

  progressBar() {
    return this.page.getByTestId("run-progress");
  }

  async pause() {
    await this.page.getByTestId("run-pause").click();
  }

  async resume() {
    await this.page.getByTestId("run-resume").click();
  }

  /** Cancel asks for a confirmation first. */
  async cancel() {
    await this.page.getByTestId("run-cancel").click();
    await this.page.getByTestId("run-cancel-confirm").click();
  }

  async retryFailed() {
    await this.page.getByTestId("run-retry-failed").click();
  }
}
