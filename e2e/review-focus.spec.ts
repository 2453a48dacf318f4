// The focus view end to end: review a whole dataset by keyboard (accept, reject,
// edit with its diff, label, move), bulk-reject a filter with its confirmation and
// undo it, and show a row carrying HTML and script as inert text.
import { OWNER } from "./accounts";
import { expect, test } from "./fixtures";
import { BulkBar, FocusView } from "./pages/focus-view";
import { ReviewPage } from "./pages/review-page";
import { seedReviewDataset } from "./pages/review-seed";

test("review a dataset entirely by keyboard: accept, reject, edit with a diff, label, move", async ({ page }) => {
  // 2 labels × 2 tones × 2 samples.
  const datasetId = await seedReviewDataset(page.request, { name: "review-keyboard", samples: 2 });
  const review = new ReviewPage(page);
  const focus = new FocusView(page);
  await review.open(datasetId);
  await expect(review.rows()).toHaveCount(8);
  const statusOf = (rowId: string) => review.grid().locator(`[data-row-id="${rowId}"] [data-testid="row-status"]`);
  const labelOf = (rowId: string) => review.grid().locator(`[data-row-id="${rowId}"] [data-testid="row-label"]`);

  // Keyboard only from here: a grid row takes focus like any tab stop, and Enter opens it.
  await review.rows().first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]row=[0-9a-f-]{36}/);
  await focus.at(1, 8);

  // A accepts and moves on; R rejects and moves on.
  const first = await focus.rowId();
  await focus.press("a");
  await focus.at(2, 8);
  await expect(statusOf(first)).toHaveText("accepted");
  await expect(focus.notice()).toHaveText("Accepted.");
  const second = await focus.rowId();
  await focus.press("r");
  await focus.at(3, 8);
  await expect(statusOf(second)).toHaveText("rejected");

  // ← and K go back, → and J forward, in the grid's order.
  await focus.press("ArrowLeft");
  await focus.at(2, 8);
  await expect(focus.status()).toHaveText("rejected");
  await focus.press("j");
  await focus.at(3, 8);

  // E edits: the text box takes the keys (shortcuts do not fire), Ctrl+Enter saves, and the diff shows.
  const third = await focus.rowId();
  const original = (await focus.text().textContent())!;
  await focus.press("e");
  await expect(focus.editBox()).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("A rewritten message about a refund.");
  await expect(focus.position()).toHaveText("Row 3 of 8");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(focus.editBox()).toHaveCount(0);
  await expect(focus.text()).toHaveText("A rewritten message about a refund.");
  await expect(focus.diff().locator("ins").first()).toBeVisible();
  await expect(focus.diff().locator("del").first()).toBeVisible();
  // Read without the insertions the diff is the original; without the deletions, the edit.
  const side = (skip: "INS" | "DEL") =>
    focus.diff().locator('[data-field="text"] > p:last-child').evaluate((element, tag) => [...element.childNodes].filter((node) => node.nodeName !== tag).map((node) => node.textContent).join(""), skip);
  expect(await side("INS")).toBe(original);
  expect(await side("DEL")).toBe("A rewritten message about a refund.");
  // Esc leaves edit mode without saving.
  await focus.press("e");
  await page.keyboard.type(" never saved");
  await focus.press("Escape");
  await expect(focus.text()).toHaveText("A rewritten message about a refund.");

  // 1–9 choose a label (billing = 1, bug = 2), shown in the grid too.
  await focus.press("2");
  await expect(focus.label("bug")).toHaveAttribute("aria-pressed", "true");
  await expect(labelOf(third)).toHaveText("bug");
  await focus.press("1");
  await expect(focus.label("billing")).toHaveAttribute("aria-pressed", "true");
  await expect(focus.label("bug")).toHaveAttribute("aria-pressed", "false");
  await expect(labelOf(third)).toHaveText("billing");

  // ? lists the shortcuts; Esc closes them.
  await focus.press("?");
  await expect(focus.shortcuts()).toBeVisible();
  await expect(focus.shortcuts()).toContainText("Reject the row");
  await focus.press("a");
  await expect(focus.status()).toHaveText("pending");
  await focus.press("Escape");
  await expect(focus.shortcuts()).toHaveCount(0);

  // The rest of the rows: accept 3 to 8, each moving on to the next.
  for (let n = 3; n <= 8; n++) {
    await focus.at(n, 8);
    await focus.press("a");
    if (n < 8) await focus.at(n + 1, 8);
  }
  await expect(focus.status()).toHaveText("accepted");
  await expect(review.grid().getByTestId("row-status")).toHaveText(["accepted", "rejected", ...Array(6).fill("accepted")]);

  // "Reviewed by" lists the signed-in person with the rows they reviewed, and the view keeps it in the address.
  await review.open(datasetId);
  await review.filterBy("reviewer", OWNER.name);
  await expect(page).toHaveURL(new RegExp(`[?&]reviewer=${encodeURIComponent(OWNER.name).replace(/%20/g, "(\\+|%20)")}`));
  await expect(review.rows()).toHaveCount(8);
  await review.filterBy("status", "rejected");
  await expect(review.rows()).toHaveCount(1);
  await expect(review.grid().locator(`[data-row-id="${second}"]`)).toBeVisible();

  // Insights show the same person's progress beside the dataset's: 8 reviewed, 7 accepted, 1 rejected.
  await page.goto(`/datasets/${datasetId}/insights`);
  const mine = page.getByTestId("reviewer-progress-row").filter({ hasText: OWNER.name });
  await expect(mine.getByTestId("reviewer-reviewed")).toHaveText("8");
  await expect(mine.getByRole("cell")).toContainText([OWNER.name, "8", "7", "1", "1"]);
});

test("bulk-reject every row matching a filter after a confirmation, then undo it", async ({ page }) => {
  const datasetId = await seedReviewDataset(page.request, { name: "review-bulk", samples: 2 });
  const review = new ReviewPage(page);
  const bulk = new BulkBar(page);
  await review.open(datasetId, "label=bug");
  const matching = await review.matchNumber();
  expect(matching).toBe(4);
  await expect(review.rows()).toHaveCount(4);

  // One row selected, then "all matching": the action targets the filter, not ids.
  await review.rows().first().getByTestId("row-select").check();
  await page.getByTestId("select-all-matching").click();
  await bulk.reject();
  await expect(bulk.confirmTitle()).toHaveText("Reject 4 rows matching 'label = bug'?");
  await bulk.confirm();
  await expect(bulk.notice()).toHaveText("Rejected 4 rows.");
  await expect(review.grid().getByTestId("row-status")).toHaveText(Array(4).fill("rejected"));

  // The other label was not touched.
  await review.open(datasetId, "label=billing");
  await expect(review.grid().getByTestId("row-status")).toHaveText(Array(4).fill("pending"));

  // Undo from the notice (it lives with the selection of the label=bug view).
  await review.open(datasetId, "label=bug");
  await review.rows().first().click();
  await page.getByTestId("focus-view").locator("summary", { hasText: "History and undo" }).click();
  const entry = page.getByTestId("history-entry").first();
  await expect(entry).toContainText("Rejected 4 rows");
  await expect(entry).toContainText("matching 'label = bug'");
  await entry.getByTestId("history-undo").click();
  await expect(entry).toHaveAttribute("data-undone", "yes");
  await expect(review.grid().getByTestId("row-status")).toHaveText(Array(4).fill("pending"));
});

test("bulk actions are undoable from their notice", async ({ page }) => {
  const datasetId = await seedReviewDataset(page.request, { name: "review-undo", samples: 1 });
  const review = new ReviewPage(page);
  const bulk = new BulkBar(page);
  await review.open(datasetId);
  await expect(review.rows()).toHaveCount(4);
  await review.rows().nth(0).getByTestId("row-select").check();
  await review.rows().nth(1).getByTestId("row-select").check();
  await bulk.reject();
  await expect(bulk.confirmTitle()).toHaveText("Reject 2 rows selected?");
  await bulk.confirm();
  await expect(bulk.notice()).toHaveText("Rejected 2 rows.");
  await expect(review.grid().getByTestId("row-status")).toHaveText(["rejected", "rejected", "pending", "pending"]);
  await bulk.undo();
  await expect(bulk.notice()).toHaveText("Restored 2 rows to their previous review.");
  await expect(review.grid().getByTestId("row-status")).toHaveText(Array(4).fill("pending"));
});

test("a generated row holding HTML and a script renders as inert text", async ({ page }) => {
  const payload = "<img src=x onerror=alert(1)> <script>alert(2)</script>";
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const datasetId = await seedReviewDataset(page.request, { name: "review-xss", samples: 1, say: payload });
  const review = new ReviewPage(page);
  const focus = new FocusView(page);
  await review.open(datasetId);
  await expect(review.rowTexts().first()).toContainText(payload);
  await review.rows().first().click();
  await expect(focus.text()).toContainText(payload);
  // The prompt holds it too: the lineage panel shows it as text.
  await focus.openLineage();
  await expect(page.getByTestId("lineage-prompt")).toContainText(`[mock-say]${payload}[/mock-say]`);
  // Edit mode and the diff show it as text as well.
  await focus.press("e");
  expect(await focus.editBox().inputValue()).toContain(payload);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" <b>bold</b>");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(focus.diff().locator("ins").last()).toContainText("<b>bold</b>");
  await expect(focus.text()).toContainText(`${payload}`);

  // No element came out of the generated text, and nothing ran.
  for (const tag of ["img", "script", "b"]) await expect(page.locator(`[data-testid=focus-view] ${tag}, [data-testid=rows-grid] ${tag}`)).toHaveCount(0);

  // The row's own page (current version and history) shows it as text too.
  const rowId = new URL(page.url()).searchParams.get("row");
  expect(rowId).toBeTruthy();
  await page.goto(`/datasets/${datasetId}/rows/${rowId}`);
  await expect(page.getByTestId("row-current")).toContainText("<script>alert(2)</script>");
  for (const tag of ["img", "script", "b"]) await expect(page.locator(`[data-testid=row-current] ${tag}`)).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
