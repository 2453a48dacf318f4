import { expect, type Page } from "@playwright/test";

/** A row's own page (/datasets/[id]/rows/[rowId]): its current version, "Regenerate", its history. */
export class RowPage {
  constructor(readonly page: Page) {}

  async open(datasetId: string, rowId: string) {
    await this.page.goto(`/datasets/${datasetId}/rows/${rowId}`);
    await expect(this.versions().first()).toBeVisible();
  }

  versions() {
    return this.page.getByTestId("row-version");
  }

  currentVersion() {
    return this.page.locator('[data-testid="row-version"][data-current="true"]');
  }

  replacedVersions() {
    return this.page.locator('[data-testid="row-version"][data-current="false"]');
  }

  versionText(version: ReturnType<RowPage["versions"]>) {
    return version.getByTestId("row-version-text");
  }

  /** Opens "Regenerate", types the instruction, confirms, and closes the dialog once the run is planned. */
  async regenerate(instruction: string) {
    await this.page.getByTestId("regenerate").click();
    const dialog = this.page.getByTestId("regenerate-dialog");
    await expect(dialog.getByTestId("regenerate-count")).toContainText("1 row will be regenerated");
    await dialog.getByTestId("regenerate-instruction").fill(instruction);
    await dialog.getByTestId("regenerate-confirm").click();
    await expect(dialog.getByTestId("regenerate-started")).toContainText("Regenerating 1 row");
    await dialog.getByTestId("regenerate-done").click();
  }
}
