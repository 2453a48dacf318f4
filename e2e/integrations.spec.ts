// Export connections through the UI: a Hub token goes in once, only its masked
// hint comes back, a failed test shows the reason without the token, and the
// connection can be edited and deleted. No network beyond loopback.
import { expect, test } from "./fixtures";
import { IntegrationsSection } from "./pages/integrations-section";

const TOKEN = "hf_e2e-secret-token-0123456789WXYZ";

test("a Hub connection keeps its token on the server", async ({ page }) => {
  const section = new IntegrationsSection(page);
  const name = `hub-${Date.now()}`;
  const seen: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/trpc")) seen.push(await response.text().catch(() => ""));
  });

  // Port 9 (discard) on loopback refuses connections: the test fails without touching the internet.
  await section.add({ name, kind: "hub", url: "http://127.0.0.1:9", token: TOKEN, owner: "my-org" });
  const row = section.row(name);
  await expect(row.getByTestId("integration-token-preview")).toHaveText("hf_…WXYZ");
  await expect(row).toContainText("my-org");

  await row.getByTestId("connection-test").click();
  const result = row.getByTestId("connection-test-result");
  await expect(result).toHaveAttribute("data-status", "failed");

  await row.getByTestId("integration-edit").click();
  await expect(page.getByTestId("integration-token")).toHaveValue("");
  await page.getByTestId("integration-owner").fill("other-org");
  await page.getByTestId("integration-save").click();
  await expect(row).toContainText("other-org");
  await expect(row.getByTestId("integration-token-preview")).toHaveText("hf_…WXYZ");

  await row.getByTestId("integration-delete").click();
  await page.getByTestId("integration-delete-confirm").click();
  await expect(row).toHaveCount(0);

  expect(seen.length).toBeGreaterThan(0);
  for (const body of seen) expect(body).not.toContain(TOKEN);
  expect(await page.content()).not.toContain(TOKEN);
});
