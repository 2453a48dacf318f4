// Passwords end to end: a member changes theirs under Settings → Account (the
// other browser is signed out, this one stays), then an owner hands them a
// reset link that works once and signs them out everywhere. Uses a member of
// its own: the owner's stored session is shared by the other specs. Sign-ins
// are few on purpose (they share the per-address sign-in limit).
import { expect, test } from "./fixtures";

const signedOut = { storageState: { cookies: [], origins: [] } };

test("a member changes their password and stays signed in while the other session ends; an owner's reset link works once", async ({ page, browser }) => {
  const email = `pat-${Date.now()}@e2e.datafast.test`;
  await page.goto("/settings/members");
  await page.getByTestId("invite-email").fill(email);
  await page.getByTestId("invite-role").selectOption("editor");
  await page.getByTestId("send-invite").click();
  const invitation = await page.getByTestId("invitation-link").textContent();

  const laptopContext = await browser.newContext(signedOut);
  const laptop = await laptopContext.newPage();
  await laptop.goto(invitation!);
  await laptop.getByTestId("field-name").fill("Pat Word");
  await laptop.getByTestId("field-password").fill("first-password-1");
  await laptop.getByTestId("accept-invitation").click();
  await expect(laptop).toHaveURL(/\/datasets$/);

  const phoneContext = await browser.newContext(signedOut);
  const phone = await phoneContext.newPage();
  await phone.goto("/login");
  await phone.getByTestId("field-email").fill(email);
  await phone.getByTestId("field-password").fill("first-password-1");
  await phone.getByTestId("sign-in").click();
  await expect(phone).toHaveURL(/\/datasets$/);

  // Settings → Account, from the name in the header.
  await laptop.getByTestId("viewer-name").click();
  await expect(laptop).toHaveURL(/\/settings\/account$/);
  await laptop.getByTestId("field-current-password").fill("first-password-1");
  await laptop.getByTestId("field-new-password").fill("second-password-2");
  await laptop.getByTestId("field-confirm-password").fill("second-password-3");
  await laptop.getByTestId("change-password").click();
  await expect(laptop.getByTestId("confirm-password-error")).toContainText("differ");

  await laptop.getByTestId("field-current-password").fill("not-my-password");
  await laptop.getByTestId("field-confirm-password").fill("second-password-2");
  await laptop.getByTestId("change-password").click();
  await expect(laptop.getByTestId("current-password-error")).toContainText("wrong password");
  await expect(laptop.getByTestId("form-error")).toContainText("current password is wrong");

  await laptop.getByTestId("field-current-password").fill("first-password-1");
  await laptop.getByTestId("field-new-password").fill("second-password-2");
  await laptop.getByTestId("field-confirm-password").fill("second-password-2");
  await laptop.getByTestId("change-password").click();
  await expect(laptop.getByTestId("password-changed")).toBeVisible();

  // This browser stays signed in (under a new cookie); the other one is out.
  await laptop.goto("/datasets");
  await expect(laptop).toHaveURL(/\/datasets$/);
  await expect(laptop.getByTestId("viewer-name")).toHaveText("Pat Word");
  await phone.goto("/datasets");
  await expect(phone).toHaveURL(/\/login$/);

  // The owner hands over a reset link; it sets a password once and ends every session.
  await page.reload();
  await page.getByTestId("member-row").filter({ hasText: email }).getByTestId("reset-member-password").click();
  const reset = await page.getByTestId("password-reset-link").textContent();
  expect(reset).toMatch(/\/reset-password\/dfr_[A-Za-z0-9_-]+$/);

  await phone.goto(reset!);
  await expect(phone.getByTestId("field-email")).toHaveValue(email);
  await phone.getByTestId("field-password").fill("third-password-3");
  await phone.getByTestId("field-confirm-password").fill("third-password-3");
  await phone.getByTestId("reset-password").click();
  await expect(phone).toHaveURL(/\/datasets$/);

  await laptop.goto("/datasets");
  await expect(laptop).toHaveURL(/\/login$/);
  await laptop.goto(reset!);
  await expect(laptop.getByTestId("form-error")).toContainText(/already used/);

  await laptopContext.close();
  await phoneContext.close();
});
