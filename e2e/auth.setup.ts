// Runs before every other spec (playwright.config.ts "setup" project): the first
// visit to a fresh datafast goes to /setup and creates the owner; the owner's
// signed-in browser state is saved for the other specs. On a data directory
// that already has the owner (a re-run), it signs in through /login instead.
import { expect, test } from "@playwright/test";
import { OWNER, OWNER_STATE } from "./accounts";

test("first visit creates the owner, then the owner is signed in", async ({ page, request }) => {
  const state = await request.get(`/api/trpc/account.setupState`);
  const { needsSetup } = ((await state.json()) as { result: { data: { needsSetup: boolean } } }).result.data;

  await page.goto("/");
  if (needsSetup) {
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByTestId("field-name").fill(OWNER.name);
    await page.getByTestId("field-email").fill(OWNER.email);
    await page.getByTestId("field-password").fill("short");
    await page.getByTestId("create-owner").click();
    // The browser's own minlength check stops a short password before the server sees it.
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByTestId("field-password").fill(OWNER.password);
    await page.getByTestId("create-owner").click();
  } else {
    await expect(page).toHaveURL(/\/login$/);
    await page.getByTestId("field-email").fill(OWNER.email);
    await page.getByTestId("field-password").fill(OWNER.password);
    await page.getByTestId("sign-in").click();
  }
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByTestId("viewer-role")).toHaveText("owner");
  // Setup is closed once an owner exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/(login|datasets)$/);
  await page.context().storageState({ path: OWNER_STATE });
});
