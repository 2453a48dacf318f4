// Accounts end to end: the owner invites an annotator by link; the annotator
// joins, sees neither Connections nor Launch, is refused by the API too, and
// their review is recorded under their name. Signed out, pages go to /login.
import { expect, test } from "./fixtures";
import { FocusView } from "./pages/focus-view";
import { ReviewPage } from "./pages/review-page";
import { seedReviewDataset } from "./pages/review-seed";

test("an owner invites an annotator, who can review but not see connections or launch runs", async ({ page, browser }) => {
  const datasetId = await seedReviewDataset(page.request, { name: "annotated", samples: 1 });

  await page.goto("/settings/members");
  const email = `ana-${Date.now()}@e2e.datafast.test`;
  await page.getByTestId("invite-email").fill(email);
  await page.getByTestId("invite-role").selectOption("annotator");
  await page.getByTestId("send-invite").click();
  const link = await page.getByTestId("invitation-link").textContent();
  expect(link).toMatch(/\/invite\/dfi_[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("open-invitations")).toContainText(email);

  // The annotator: a separate browser with no session.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const annotator = await context.newPage();
  await annotator.goto(link!);
  await expect(annotator.getByTestId("field-email")).toHaveValue(email);
  await annotator.getByTestId("field-name").fill("Ana Lyst");
  await annotator.getByTestId("field-password").fill("annotator-password-1");
  await annotator.getByTestId("accept-invitation").click();
  await expect(annotator).toHaveURL(/\/datasets$/);
  await expect(annotator.getByTestId("viewer-role")).toHaveText("annotator");
  await expect(annotator.getByTestId("nav-connections")).toHaveCount(0);
  await expect(annotator.getByTestId("nav-sources")).toHaveCount(0);

  // The link worked once.
  const reuse = await context.newPage();
  await reuse.goto(link!);
  await expect(reuse.getByTestId("form-error")).toContainText(/already used/);
  await reuse.close();

  // Hidden in the UI and refused by the server.
  await annotator.goto("/settings/connections");
  await expect(annotator.getByTestId("access-denied")).toBeVisible();
  const connections = await annotator.request.get("/api/trpc/connections.list");
  expect(connections.status()).toBe(403);
  const launch = await annotator.request.post("/api/trpc/runs.launch", { data: { datasetId } });
  expect(launch.status()).toBe(403);
  const exported = await annotator.request.get(`/api/exports/${datasetId}?format=jsonl`);
  expect(exported.status()).toBe(403);
  await annotator.goto(`/datasets/${datasetId}`);
  await expect(annotator.getByTestId("dataset-title")).toBeVisible();
  await expect(annotator.getByTestId("open-review")).toBeVisible();
  await expect(annotator.getByTestId("launch-run")).toHaveCount(0);
  await expect(annotator.getByTestId("download-jsonl")).toHaveCount(0);

  // Reviewing works, and records who did it.
  const review = new ReviewPage(annotator);
  const focus = new FocusView(annotator);
  await review.open(datasetId);
  await review.rows().first().focus();
  await annotator.keyboard.press("Enter");
  await focus.at(1, 4);
  await focus.press("a");
  // Accepting moves on to the next row once the server has stored it; then go back to the accepted one.
  await focus.at(2, 4);
  await focus.press("ArrowLeft");
  await focus.at(1, 4);
  await expect(annotator.getByTestId("focus-reviewed")).toContainText("Last changed by Ana Lyst");

  // Signed out, every page goes to /login.
  await annotator.getByTestId("sign-out").click();
  await expect(annotator).toHaveURL(/\/login$/);
  await annotator.goto(`/datasets/${datasetId}`);
  await expect(annotator).toHaveURL(/\/login$/);
  await context.close();
});

test("a wrong password is refused with a message, and the session cookie is httpOnly and SameSite", async ({ browser, page }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await context.newPage();
  await visitor.goto("/datasets");
  await expect(visitor).toHaveURL(/\/login$/);
  await visitor.getByTestId("field-email").fill("owner@e2e.datafast.test");
  await visitor.getByTestId("field-password").fill("not-the-password");
  await visitor.getByTestId("sign-in").click();
  await expect(visitor.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await context.close();

  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith("datafast.session_token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
