import { expect, type Page, test } from "@playwright/test";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * Saved views on the voucher list of a Kiwire simulator this spec starts: an operator filters, saves the view,
 * clears the filter, and gets the same rows back from the list's Views menu and from the palette; renames and
 * deletes it. An admin shares a view, which an operator then sees (marked shared, not theirs to change) and
 * cannot share one of their own. Every view this spec makes is deleted at the end.
 */

let simulator: RunningKiwireSimulator;
const stamp = Date.now().toString(36);
const connectionId = `kiwire-views-${stamp}`;
const vouchersPath = `/kiwire/vouchers?connection=${connectionId}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKiwireSimulator({ port: 0, users: 5, vouchers: 60 });
  await addConnections(browser, [
    {
      id: connectionId,
      kind: "kiwire",
      name: `Views Hotel ${stamp}`,
      baseUrl: simulator.baseUrl,
      ...simulator.credentials,
    },
  ]);
});

test.afterAll(async ({ browser }) => {
  // Whatever a failed run left behind: the admin may delete shared views, each person their own.
  for (const role of ["admin", "operator"] as const) {
    const page = await browser.newPage();
    await signIn(page, role);
    const listed = await page.request.get("/api/v1/saved-views");
    const { views } = (await listed.json()) as { views: { id: string; name: string; editable: boolean }[] };
    for (const view of views.filter((v) => v.name.includes(stamp) && v.editable))
      await page.request.delete(`/api/v1/saved-views/${view.id}`);
    await page.close();
  }
  await simulator?.close();
});

const count = (page: Page) => page.getByTestId("voucher-count");
const viewsButton = (page: Page) => page.getByRole("button", { name: "Views", exact: true });
const viewsPanel = (page: Page) => page.getByRole("region", { name: "Saved views of this list" });

/** One voucher of this spec's simulator: its code is the filter a view keeps. */
const someCode = () => [...simulator.store.vouchers.keys()][0] ?? "";

/** Filters the list to one voucher by its code and answers the count it shows then. */
async function filterByCode(page: Page): Promise<string> {
  await expect(count(page)).toContainText("vouchers");
  const everything = await count(page).textContent();
  const filter = page.getByRole("form", { name: "Filter vouchers" });
  await filter.getByLabel("Code contains", { exact: true }).fill(someCode());
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${someCode()}`));
  await expect(count(page)).toContainText("1 voucher");
  expect(await count(page).textContent()).not.toBe(everything);
  return (await count(page).textContent()) ?? "";
}

async function saveView(page: Page, name: string, options: { share?: boolean } = {}) {
  await viewsButton(page).click();
  await viewsPanel(page).getByRole("button", { name: "Save current view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save current view" });
  await dialog.getByLabel("Name").fill(name);
  const share = dialog.getByLabel("Share with everybody");
  if (options.share === undefined) await expect(share).toHaveCount(0);
  else if (options.share) await share.check();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText(`View "${name}" saved`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test("an operator saves a filtered list as a view and opens it again from the list's menu and the palette", async ({
  page,
}) => {
  const name = `One voucher ${stamp}`;
  await signIn(page, "operator", vouchersPath);
  const filtered = await filterByCode(page);
  await saveView(page, name);

  // The filter cleared: the whole list again.
  await open(page, vouchersPath);
  await expect(count(page)).not.toHaveText(filtered);

  // From the list's Views menu, with the keyboard: the same rows, and the columns named in the link.
  await viewsButton(page).focus();
  await page.keyboard.press("Enter");
  const apply = viewsPanel(page).getByRole("button", { name, exact: true });
  await apply.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${someCode()}.*cols=`));
  await expect(count(page)).toHaveText(filtered);
  await expect(page.getByLabel("Code contains", { exact: true })).toHaveValue(someCode());
  await expect(viewsPanel(page)).toBeHidden();
  await expect(viewsButton(page)).toBeFocused();

  // From the palette (Ctrl+K), by typing part of its name.
  await open(page, vouchersPath);
  await expect(count(page)).not.toHaveText(filtered);
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type(stamp);
  const option = palette
    .getByRole("group", { name: "Saved views" })
    .getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/kiwire/vouchers\\?.*q=${someCode()}`));
  await expect(count(page)).toHaveText(filtered);

  // Rename it, then delete it (after a confirmation).
  const renamed = `One voucher, renamed ${stamp}`;
  await viewsButton(page).click();
  await viewsPanel(page)
    .getByRole("button", { name: `Rename view ${name}` })
    .click();
  const rename = page.getByRole("dialog", { name: "Rename view" });
  await rename.getByLabel("New name").fill(renamed);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(`View renamed to "${renamed}"`)).toBeVisible();
  await viewsButton(page).click();
  await viewsPanel(page)
    .getByRole("button", { name: `Delete view ${renamed}` })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete view" });
  await expect(confirm).toContainText(`Delete the view "${renamed}"?`);
  await confirm.getByRole("button", { name: "Delete view" }).click();
  await expect(page.getByText(`View "${renamed}" deleted`)).toBeVisible();
  await viewsButton(page).click();
  await expect(viewsPanel(page).getByRole("button", { name: renamed })).toHaveCount(0);
});

test("an admin shares a view that an operator then sees, and an operator cannot share", async ({
  page,
  browser,
}) => {
  const name = `Team voucher ${stamp}`;
  await signIn(page, "admin", vouchersPath);
  const filtered = await filterByCode(page);
  await saveView(page, name, { share: true });

  const operator = await browser.newPage();
  try {
    await signIn(operator, "operator", vouchersPath);
    await viewsButton(operator).click();
    const panel = viewsPanel(operator);
    const item = panel.getByRole("listitem").filter({ hasText: name });
    await expect(item.getByText("Shared", { exact: true })).toBeVisible();
    // Shared views are the team's: only an admin renames or deletes them.
    await expect(item.getByRole("button", { name: `Rename view ${name}` })).toHaveCount(0);
    await expect(item.getByRole("button", { name: `Delete view ${name}` })).toHaveCount(0);
    await item.getByRole("button", { name, exact: true }).click();
    await expect(count(operator)).toHaveText(filtered);

    // The operator's save dialog has no share box, and the API refuses a shared view from them.
    await viewsButton(operator).click();
    await viewsPanel(operator).getByRole("button", { name: "Save current view…" }).click();
    const dialog = operator.getByRole("dialog", { name: "Save current view" });
    await expect(dialog.getByLabel("Name")).toBeVisible();
    await expect(dialog.getByLabel("Share with everybody")).toHaveCount(0);
    await operator.keyboard.press("Escape");
    const refused = await operator.request.post("/api/v1/saved-views", {
      data: { table: "kiwire-vouchers", name: `Sneaky ${stamp}`, query: "", columns: [], shared: true },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("Only an admin can share a view");
  } finally {
    await operator.close();
  }

  await viewsButton(page).click();
  await viewsPanel(page)
    .getByRole("button", { name: `Delete view ${name}` })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete view" });
  await expect(confirm).toContainText("It disappears for everybody.");
  await confirm.getByRole("button", { name: "Delete view" }).click();
  await expect(page.getByText(`View "${name}" deleted`)).toBeVisible();
});
