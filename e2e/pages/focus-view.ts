import { expect, type Page } from "@playwright/test";

/** The review page's focus view: one row, its actions, and the keyboard that drives them. */
export class FocusView {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId("focus-view");
  }

  async rowId(): Promise<string> {
    return (await this.page.getByTestId("focus-row").getAttribute("data-row-id"))!;
  }

  /** "Row 3 of 8" */
  position() {
    return this.page.getByTestId("focus-position");
  }

  status() {
    return this.page.getByTestId("focus-status");
  }

  text() {
    return this.root().getByTestId("focus-text");
  }

  notice() {
    return this.page.getByTestId("focus-notice-text");
  }

  /** Waits until row `n` of `total` is shown, loaded, and its neighbours are known (so → and auto-advance can move on). */
  async at(n: number, total: number) {
    await expect(this.position()).toHaveText(`Row ${n} of ${total}`);
    await expect(this.page.getByTestId("focus-row")).toBeVisible();
    if (n < total) await expect(this.page.getByTestId("focus-next")).toBeEnabled();
    if (n > 1) await expect(this.page.getByTestId("focus-previous")).toBeEnabled();
  }

  /** Presses a shortcut once the view takes one: while a review change is on its way, shortcuts are ignored (its buttons are disabled). */
  async press(key: string) {
    const accept = this.page.getByTestId("focus-accept");
    if ((await accept.count()) > 0) await expect(accept).toBeEnabled();
    await this.page.keyboard.press(key);
  }

  editBox(slot = "text") {
    return this.page.getByTestId(`edit-${slot}`);
  }

  diff() {
    return this.page.getByTestId("focus-diff");
  }

  label(name: string) {
    return this.page.locator(`[data-testid="focus-label"][data-label="${name}"]`);
  }

  shortcuts() {
    return this.page.getByTestId("shortcuts-dialog");
  }

  async openLineage() {
    await this.page.getByTestId("lineage-panel").locator("summary").click();
    await expect(this.page.getByTestId("lineage")).toBeVisible();
  }
}

/** The actions on the grid's selected rows, their confirmation and undo notice. */
export class BulkBar {
  constructor(readonly page: Page) {}

  async reject() {
    await this.page.getByTestId("bulk-reject").click();
  }

  confirmTitle() {
    return this.page.getByTestId("bulk-confirm-title");
  }

  async confirm() {
    await this.page.getByTestId("bulk-confirm-apply").click();
  }

  notice() {
    return this.page.getByTestId("bulk-notice-text");
  }

  async undo() {
    await this.page.getByTestId("bulk-undo").click();
  }
}
