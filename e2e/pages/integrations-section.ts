import { expect, type Page } from "@playwright/test";

/** The export connections (Hub, Argilla) section of Settings → Connections. */
export class IntegrationsSection {
  constructor(readonly page: Page) {}

  async add(input: { name: string; kind: "hub" | "argilla"; url: string; token: string; owner?: string }) {
    await this.page.goto("/settings/connections");
    await this.page.getByTestId("add-integration").click();
    await this.page.getByTestId("integration-kind").selectOption(input.kind);
    await this.page.getByTestId("integration-name").fill(input.name);
    await this.page.getByTestId("integration-url").fill(input.url);
    await this.page.getByTestId("integration-token").fill(input.token);
    if (input.owner) await this.page.getByTestId("integration-owner").fill(input.owner);
    await this.page.getByTestId("integration-save").click();
    await expect(this.row(input.name)).toBeVisible();
  }

  row(name: string) {
    return this.page.locator(`[data-testid="integration-row"][data-name="${name}"]`);
  }
}
