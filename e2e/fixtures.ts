import { test as base } from "@playwright/test";
import { DatasetPage } from "./pages/dataset-page";
import { DesignPage } from "./pages/design-page";
import { RunPage } from "./pages/run-page";
import { SettingsPage } from "./pages/settings-page";

/** The mock LLM that playwright.config.ts starts for the e2e run. */
export const MOCK_BASE_URL = `http://127.0.0.1:${process.env.E2E_MOCK_PORT ?? 8788}/v1`;

export const test = base.extend<{ designPage: DesignPage; datasetPage: DatasetPage; runPage: RunPage; settingsPage: SettingsPage }>({
  settingsPage: async ({ page }, use) => use(new SettingsPage(page)),
  designPage: async ({ page }, use) => use(new DesignPage(page)),
  datasetPage: async ({ page }, use) => use(new DatasetPage(page)),
  runPage: async ({ page }, use) => use(new RunPage(page)),
});

export { expect } from "@playwright/test";
