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
}
