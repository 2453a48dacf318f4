import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download browsers on these machines: use Debian's chromium
// (or CHROMIUM_PATH) when present, else Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// Ports can be moved (E2E_WEB_PORT / E2E_MOCK_PORT / E2E_PG_PORT) so two
// checkouts can run their suites side by side.
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 8788);
const PG_PORT = process.env.E2E_PG_PORT ?? "54349";
process.env.E2E_MOCK_PORT = String(MOCK_PORT);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  projects: [
    // Creates (or signs in) the owner and saves its session for every other spec.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "app", dependencies: ["setup"], testIgnore: /auth\.setup\.ts$/, use: { storageState: "e2e/.auth/owner.json" } },
  ],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: "retain-on-failure",
    acceptDownloads: true,
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: [
    {
      command: `node --import tsx scripts/mock-llm.ts --port ${MOCK_PORT} --latency-ms 40`,
      url: `http://127.0.0.1:${MOCK_PORT}/v1/models`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      stdout: "ignore",
    },
    {
      // The app exactly as `npm start` runs it (build if stale, embedded
      // Postgres, in-process worker), on its own port and data directory.
      command: "node --import tsx scripts/start.ts",
      url: `http://127.0.0.1:${WEB_PORT}/api/health`,
      env: { PORT: String(WEB_PORT), DATAFAST_DATA_DIR: ".data/e2e", DATAFAST_PG_PORT: PG_PORT, DATABASE_URL: "", MOCK_API_KEY: "e2e-key", NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 600_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
