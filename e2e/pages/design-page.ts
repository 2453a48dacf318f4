import { expect, type Page } from "@playwright/test";

export class DesignPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/datasets/new");
    await expect(this.page.getByTestId("dataset-name")).toBeVisible();
  }

  /** Switches the dataset type: the form starts from that type's starter design. */
  async chooseType(type: string) {
    await this.page.getByTestId("dataset-type").selectOption(type);
  }

  /** Uploads a file as the design's source and waits until its documents are counted. */
  async uploadSource(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByTestId("source-tab-upload").click();
    await this.page.getByTestId("source-file-input").setInputFiles(file);
    await expect(this.page.getByTestId("source-document-count")).toBeVisible();
  }

  async setTextColumn(column: string) {
    await this.page.getByTestId("source-text-column").selectOption(column);
  }

  async setName(name: string) {
    await this.page.getByTestId("dataset-name").fill(name);
  }

  async setModel(baseURL: string, model: string) {
    await this.page.getByTestId("model-base-url").fill(baseURL);
    await this.page.getByTestId("model-id").fill(model);
  }

  async useConnection(name: string, model: string) {
    await this.page.getByTestId("model-connection").selectOption(name);
    await this.page.getByTestId("model-id").fill(model);
  }

  estimateCost() {
    return this.page.getByTestId("estimate-cost");
  }

  /** The template's CodeMirror editable element (contenteditable, not a textarea: no inputValue). */
  template(index: number) {
    return this.page.getByTestId(`template-${index}`);
  }

  /** The template's text; CodeMirror renders each line as a block, so innerText has the newlines. */
  async templateText(index: number): Promise<string> {
    return this.template(index).innerText();
  }

  /** Replaces the template's text (Playwright's fill selects all and inserts, which CodeMirror reads as typing). */
  async setTemplate(index: number, text: string) {
    await this.template(index).fill(text);
  }

  diagnostics(index: number) {
    return this.page.getByTestId(`template-diagnostics-${index}`);
  }

  /** Opens "Export design" and returns the JSON it shows (the file `cli generate` takes), then closes it. */
  async exportedDesign(): Promise<unknown> {
    await this.page.getByTestId("export-design").click();
    const text = await this.page.getByTestId("export-design-text").inputValue();
    await this.page.keyboard.press("Escape");
    return JSON.parse(text);
  }

  /** Pastes a design into "Import design" and submits; the dialog closes when it was valid. */
  async importDesign(json: string) {
    await this.page.getByTestId("import-design").click();
    await this.page.getByTestId("import-design-text").fill(json);
    await this.page.getByTestId("import-design-submit").click();
  }

  /** The problems "Import design" lists, each with its path. */
  importIssues() {
    return this.page.getByTestId("import-design-issues");
  }

  plannedRows() {
    return this.page.getByTestId("planned-rows");
  }

  async preview() {
    await this.page.getByTestId("preview-button").click();
    return this.page.getByTestId("preview-rows").getByTestId("preview-row");
  }

  /** Saves and returns the new dataset's id from the URL. */
  async save(): Promise<string> {
    await this.page.getByTestId("save-dataset").click();
    await this.page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").at(-1)!;
  }
}
