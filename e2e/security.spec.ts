// Security at the HTTP edge of the running app: the page CSP (nonce, no inline
// scripts, no framing) and headers, and no provider key or API token value in
// any page or API answer a signed-in owner or annotator receives while walking the app.
import type { Page } from "@playwright/test";
import { expect, MOCK_BASE_URL, test } from "./fixtures";
import { seedReviewDataset } from "./pages/review-seed";

test("pages carry a nonce CSP without inline scripts, no framing, nosniff; the app still runs under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/datasets");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const scriptSrc = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // A second load gets a different nonce.
  const again = (await page.request.get("/datasets")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // React hydrated under the policy: a client-side control works.
  await page.goto("/datasets/new");
  await expect(page.getByTestId("dataset-name")).toBeVisible();
  await page.getByTestId("dataset-name").fill("csp-check");
  await expect(page.getByTestId("dataset-name")).toHaveValue("csp-check");
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
});

/** Opens each path and returns every response body the browser received on the way. */
async function walk(page: Page, paths: string[]): Promise<string[]> {
  const bodies: string[] = [];
  const listener = async (response: { url(): string; text(): Promise<string> }) => {
    bodies.push(`${response.url()}\n${await response.text().catch(() => "")}`);
  };
  page.on("response", listener);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("banner")).toBeVisible();
    // Some pages poll (runs, progress), so the network never idles: wait until nothing says it is loading.
    await expect(page.getByRole("status").filter({ hasText: /Loading|Checking/ })).toHaveCount(0);
  }
  page.off("response", listener);
  return bodies;
}

test("no provider key or API token value reaches the browser, as owner or as annotator", async ({ page, browser, settingsPage }) => {
  test.setTimeout(180_000);
  const providerKey = `sk-e2e-leakcheck-${Date.now()}-abcdefghijklmnop`;
  await settingsPage.addConnection({ name: `leak-${Date.now()}`, kind: "openai_compatible", baseUrl: MOCK_BASE_URL, apiKey: providerKey });
  await page.goto("/settings/api-tokens");
  await page.getByTestId("token-name").fill("leak check");
  await page.getByTestId("create-token").click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^dft_/);
  const datasetId = await seedReviewDataset(page.request, { name: "leak-walk", samples: 1 });

  // The token works as a bearer for scripts, and names its user.
  const me = await page.request.get("/api/trpc/account.me", { headers: { authorization: `Bearer ${token}`, cookie: "" } });
  expect(((await me.json()) as { result: { data: { role: string } } }).result.data.role).toBe("owner");

  const pages = ["/datasets", "/datasets/new", "/sources", "/settings/connections", "/settings/prices", "/settings/members", "/settings/api-tokens", `/datasets/${datasetId}`, `/datasets/${datasetId}/review`, `/datasets/${datasetId}/insights`];
  const ownerBodies = await walk(page, pages);
  expect(ownerBodies.length).toBeGreaterThan(pages.length);

  await page.goto("/settings/members");
  await page.getByTestId("invite-email").fill(`leak-${Date.now()}@e2e.datafast.test`);
  await page.getByTestId("send-invite").click();
  const link = (await page.getByTestId("invitation-link").textContent())!;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const annotator = await context.newPage();
  await annotator.goto(link);
  await annotator.getByTestId("field-name").fill("Leak Checker");
  await annotator.getByTestId("field-password").fill("annotator-password-2");
  await annotator.getByTestId("accept-invitation").click();
  await expect(annotator).toHaveURL(/\/datasets$/);
  const annotatorBodies = await walk(annotator, pages);
  await context.close();

  for (const body of [...ownerBodies, ...annotatorBodies]) {
    expect(body).not.toContain(providerKey);
    expect(body).not.toContain(token);
  }
});
