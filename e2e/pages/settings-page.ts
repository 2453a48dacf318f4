import { expect, type Page } from "@playwright/test";

export class SettingsPage {
  constructor(readonly page: Page) {}

  async addConnection(input: { name: string; kind: string; baseUrl: string; apiKey: string; concurrency?: string }) {
    await this.page.goto("/settings/connections");
    await this.page.getByTestId("add-connection").click();
    await this.page.getByTestId("connection-kind").selectOption(input.kind);
    await this.page.getByTestId("connection-name").fill(input.name);
    await this.page.getByTestId("connection-base-url").fill(input.baseUrl);
    await this.page.getByTestId("connection-api-key").fill(input.apiKey);
    if (input.concurrency) await this.page.getByTestId("connection-concurrency").fill(input.concurrency);
    await this.page.getByTestId("connection-save").click();
    await expect(this.connectionRow(input.name)).toBeVisible();
  }

  connectionRow(name: string) {
    return this.page.locator(`[data-testid="connection-row"][data-name="${name}"]`);
  }

  async testConnection(name: string) {
    const row = this.connectionRow(name);
    await row.getByTestId("connection-test").click();
    const result = row.getByTestId("connection-test-result");
    await expect(result).not.toHaveAttribute("data-status", /pending|never/);
    return result;
  }

  async setPrice(model: string, input: string, output: string) {
    await this.page.goto("/settings/prices");
    await this.page.getByTestId("price-model").fill(model);
    await this.page.getByTestId("price-input").fill(input);
    await this.page.getByTestId("price-output").fill(output);
    await this.page.getByTestId("price-save").click();
    await expect(this.page.getByTestId("price-row").filter({ hasText: model })).toBeVisible();
  }
}
