import { expect, type Download, type Page } from "@playwright/test";

/** The export page of a dataset (/datasets/<id>/export), its download card. */
export class ExportPage {
  constructor(readonly page: Page) {}

  async open(datasetId: string) {
    await this.page.goto(`/datasets/${datasetId}`);
    await this.page.getByTestId("open-export").click();
    await expect(this.page).toHaveURL(new RegExp(`/datasets/${datasetId}/export$`));
    await expect(this.page.getByTestId("download-card")).toBeVisible();
  }

  count() {
    return this.page.getByTestId("export-count");
  }

  async choose(options: { format?: "jsonl" | "csv" | "parquet"; rows?: "all" | "accepted" | "not_rejected"; lineage?: string[]; bom?: boolean }) {
    if (options.format) await this.page.getByTestId("export-format").selectOption(options.format);
    if (options.rows) await this.page.getByTestId("export-rows").selectOption(options.rows);
    for (const name of options.lineage ?? []) await this.page.getByTestId(`export-lineage-${name}`).check();
    if (options.bom !== undefined) await this.page.getByTestId("export-bom").setChecked(options.bom);
  }

  async split(testShare: string, seed: string, as: "column" | "files") {
    await this.page.getByTestId("export-split").check();
    await this.page.getByTestId("export-test-share").fill(testShare);
    await this.page.getByTestId("export-seed").fill(seed);
    await this.page.getByTestId("export-split-as").selectOption(as);
  }

  /** Clicks a download button (`download-<format>` or `download-<format>-<part>`) and returns the file's bytes. */
  async download(testId: string): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId(testId).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return { download, bytes: Buffer.concat(chunks) };
  }
}
