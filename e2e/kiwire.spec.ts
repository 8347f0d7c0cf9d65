import { expect, test } from "@playwright/test";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * An operator's day with hotspot vouchers, against a Kiwire simulator this spec starts on a free port; the
 * admin creates the connection through the API first, as the other vendor specs do.
 */

let simulator: RunningKiwireSimulator;
const connectionId = `kiwire-e2e-${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKiwireSimulator({ port: 0, users: 40, vouchers: 120 });
  await addConnections(browser, [
    {
      id: connectionId,
      kind: "kiwire",
      name: `E2E Hotel ${connectionId}`,
      baseUrl: simulator.baseUrl,
      ...simulator.credentials,
    },
  ]);
});
test.afterAll(async () => {
  await simulator?.close();
});

const vouchersPath = `/kiwire/vouchers?connection=${connectionId}`;

test("an operator generates a batch, prints it, exports CSV and deletes one voucher", async ({ page }) => {
  await signIn(page, "operator", vouchersPath);
  await expect(page.getByTestId("voucher-count")).toContainText("vouchers");

  await page.getByRole("button", { name: "Generate vouchers" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate vouchers" });
  // Bad fields are caught in the browser, in the server's words, before anything reaches Kiwire; focus goes
  // to the first of them.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/vouchers")) posts.push(request.url());
  });
  await dialog.getByLabel("Prefix").fill("E2E!");
  await dialog.getByLabel("Quantity").fill("1500");
  await dialog.getByLabel("Remark").focus();
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText("Letters, digits, _ and - only")).toBeVisible();
  await expect(dialog.getByText("At most 1,000 per batch")).toBeVisible();
  await expect(dialog.getByLabel("Prefix")).toBeFocused();
  expect(posts).toEqual([]);
  await dialog.getByLabel("Prefix").fill("E2E");
  await dialog.getByLabel("Quantity").fill("12");
  await dialog.getByLabel("Profile").selectOption("wx_temp");
  await dialog.getByLabel("Remark").fill("Lobby desk");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "12 vouchers generated" })).toBeVisible();
  await expect(page.getByTestId("voucher-count")).toContainText("12 vouchers");
  const codes = [...simulator.store.vouchers.values()]
    .filter((v) => v.username.startsWith("E2E"))
    .map((v) => v.username);
  expect(codes).toHaveLength(12);

  // Print the batch: every code on the A4 sheet and on the slips.
  await page.getByRole("button", { name: "Print batch" }).click();
  const print = page.getByRole("dialog", { name: "Print vouchers" });
  await expect(print.getByTestId("voucher-sheet").getByTestId("voucher-code")).toHaveCount(12);
  expect((await print.getByTestId("voucher-code").allTextContents()).sort()).toEqual([...codes].sort());
  await print.getByLabel("Layout").selectOption("slip");
  await expect(print.getByTestId("voucher-slips").getByTestId("voucher-code")).toHaveCount(12);
  await print.getByRole("button", { name: "Close" }).click();

  // Export the batch.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export batch CSV" }).click();
  const stream = await (await download).createReadStream();
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(13);
  for (const code of codes) expect(text).toContain(code);

  // Delete one, with confirmation.
  const victim = codes[0] ?? "";
  await page.getByTestId(`voucher-row-${victim}`).getByRole("button", { name: "Delete" }).click();
  await page
    .getByRole("dialog", { name: `Delete voucher ${victim}?` })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "1 voucher deleted" })).toBeVisible();
  await expect(page.getByTestId(`voucher-row-${victim}`).getByText("expired")).toBeVisible();
  expect(simulator.store.vouchers.get(victim)?.status).toBe("exp");
});

test("a selection spans pages: print and delete act on exactly the vouchers ticked", async ({ page }) => {
  await signIn(page, "operator", `${vouchersPath}&size=25`);
  const active = () => [...simulator.store.vouchers.values()].filter((v) => v.status === "act").length;
  const activeBefore = active();
  const table = page.getByRole("table", { name: "Vouchers" });
  // The first active voucher of the page (an expired one stays expired when deleted).
  const firstCode = async () =>
    (
      await table
        .locator("tbody tr")
        .filter({ has: page.getByText("active", { exact: true }) })
        .first()
        .getByRole("checkbox")
        .getAttribute("aria-label")
    )?.replace("Select ", "") ?? "";
  const onPage1 = await firstCode();
  await table.getByRole("checkbox", { name: `Select ${onPage1}` }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("voucher-count")).toContainText("page 2 of");
  await expect(page.getByTestId(`voucher-row-${onPage1}`)).toHaveCount(0);
  const onPage2 = await firstCode();
  expect(onPage2).not.toBe(onPage1);
  await table.getByRole("checkbox", { name: `Select ${onPage2}` }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected (1 on other pages)");

  await page.getByRole("button", { name: "Print selected" }).click();
  const print = page.getByRole("dialog", { name: "Print vouchers" });
  // The print view loads on demand: wait for its cards before reading them.
  await expect(print.getByTestId("voucher-code")).toHaveCount(2);
  expect((await print.getByTestId("voucher-code").allTextContents()).sort()).toEqual(
    [onPage1, onPage2].sort(),
  );
  await print.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Delete selected" }).click();
  await page
    .getByRole("dialog", { name: "Delete 2 vouchers?" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(page.getByTestId("bulk-summary")).toHaveText("2 of 2 vouchers deleted.");
  expect(simulator.store.vouchers.get(onPage1)?.status).toBe("exp");
  expect(simulator.store.vouchers.get(onPage2)?.status).toBe("exp");
  // Exactly those two: nothing else on either page was touched.
  expect(active()).toBe(activeBefore - 2);
  await expect(page.getByTestId("selection-count")).toHaveCount(0);
});

test("a viewer sees vouchers without write actions and the API answers 403", async ({ page }) => {
  await signIn(page, "viewer", vouchersPath);
  await expect(page.getByTestId("voucher-count")).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate vouchers" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const code = [...simulator.store.vouchers.keys()][0] ?? "";
  const base = `/api/v1/kiwire/${connectionId}`;
  const refused = await Promise.all([
    page.request.post(`${base}/vouchers`, { data: { quantity: 1, profile: "wx_temp" } }),
    page.request.delete(`${base}/vouchers/${code}`),
    page.request.post(`${base}/users`, { data: { username: "x1", password: "p", profile: "wx_temp" } }),
  ]);
  expect(refused.map((response) => response.status())).toEqual([403, 403, 403]);
});

test("an operator creates a hotspot user, sees its details and login history, and deletes it", async ({
  page,
}) => {
  await signIn(page, "operator", `/kiwire/users?connection=${connectionId}`);
  await expect(page.getByTestId("hotspot-user-count")).toContainText("40 users · page 1");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New hotspot user" });
  await dialog.getByLabel("User name").fill("e2eguest");
  await dialog.getByLabel("Password").fill("pw-e2e-123");
  await dialog.getByLabel("Profile").selectOption("wx_temp");
  await dialog.getByLabel("MAC binding").fill("AA:BB:CC");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("A MAC is six hex pairs")).toBeVisible();
  await expect(dialog.getByLabel("MAC binding")).toBeFocused();
  expect(simulator.store.users.has("e2eguest")).toBe(false);
  // What was typed is not thrown away without asking.
  await page.keyboard.press("Escape");
  const discard = dialog.getByRole("alert").filter({ hasText: "Discard what you typed?" });
  await discard.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog.getByLabel("User name")).toHaveValue("e2eguest");
  await dialog.getByLabel("MAC binding").fill("AA:BB:CC:DD:EE:01");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  expect(simulator.store.users.get("e2eguest")?.mac.toUpperCase()).toBe("AA:BB:CC:DD:EE:01");

  // Someone with history: the seeded users have sessions in the last 30 days.
  const seeded = [...simulator.store.users.keys()][0] ?? "";
  await open(page, `/kiwire/users?connection=${connectionId}&user=${seeded}`);
  const detail = page.getByRole("dialog", { name: `User ${seeded}` });
  await expect(detail.getByText("Profile")).toBeVisible();
  await expect(
    detail.getByRole("table", { name: "Login history" }).or(detail.getByText("No sessions")),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Cancel on a form with typed input asks; Discard closes it and creates nothing.
  await open(page, `/kiwire/users?connection=${connectionId}`);
  await page.getByRole("button", { name: "New user" }).click();
  const second = page.getByRole("dialog", { name: "New hotspot user" });
  await second.getByLabel("User name").fill("e2enever");
  await second.getByRole("button", { name: "Cancel" }).click();
  await second
    .getByRole("alert")
    .filter({ hasText: "Discard what you typed?" })
    .getByRole("button", { name: "Discard" })
    .click();
  await expect(second).toBeHidden();
  expect(simulator.store.users.has("e2enever")).toBe(false);

  await open(page, `/kiwire/users?connection=${connectionId}&q=e2eguest`);
  await page.getByTestId("hotspot-user-e2eguest").getByRole("button", { name: "Delete" }).click();
  await page
    .getByRole("dialog", { name: "Delete user e2eguest?" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(page.getByTestId("hotspot-user-e2eguest")).toHaveCount(0);
  expect(simulator.store.users.has("e2eguest")).toBe(false);
});
