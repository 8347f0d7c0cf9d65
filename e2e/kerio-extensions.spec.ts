import { expect, type Page, test } from "@playwright/test";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * An operator's day with PBX extensions, against a Kerio Operator simulator this spec starts on a free port;
 * the admin creates the connection through the API first, as the connections spec does.
 */

let simulator: RunningKerioOperatorSimulator;
const PASSWORD = `e2e-kerio-ext-${Date.now().toString(36)}`;
const connectionId = `pbx-ext-${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKerioOperatorSimulator({ port: 0, extensions: 50, password: PASSWORD });
  await addConnections(browser, [
    {
      id: connectionId,
      kind: "kerio-operator",
      name: `E2E extensions ${connectionId}`,
      baseUrl: simulator.baseUrl,
      username: simulator.credentials.username,
      password: PASSWORD,
    },
  ]);
});
test.afterAll(async () => {
  await simulator?.close();
});

const extensionsPath = `/kerio/extensions?connection=${connectionId}`;
const telNums = () => [...simulator.store.extensions.values()].map((extension) => extension.telNum);

async function csvFile(page: Page, name: string, text: string) {
  const dialog = page.getByRole("dialog", { name: "Import extensions" });
  await dialog
    .getByLabel("CSV file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  return dialog;
}

test("an operator creates, edits, imports 50 with two bad rows, fixes them and deletes one", async ({
  page,
}) => {
  await signIn(page, "operator", extensionsPath);
  await expect(page.getByTestId("extension-count")).toContainText("page 1 of");

  // Create with the suggested number.
  const suggested = String(simulator.store.nextFreeNumber());
  await page.getByRole("button", { name: "New extension" }).click();
  const create = page.getByRole("dialog", { name: "New extension" });
  await expect(create.getByLabel("Number")).toHaveValue(suggested);
  await create.getByLabel("Description").fill("E2E front desk");
  await create.getByRole("button", { name: "Create extension" }).click();
  await expect(create.getByTestId("sip-password")).toHaveText(/^[A-Za-z0-9]{16}$/);
  const password = await create.getByTestId("sip-password").textContent();
  await create.getByRole("button", { name: "Done" }).click();
  expect(
    [...simulator.store.extensions.values()].find((e) => e.telNum === suggested)?.lines[0]?.sipPassword,
  ).toBe(password);

  // Find it, edit it.
  await page.getByRole("textbox", { name: "Search" }).fill(suggested);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${suggested}`));
  const row = page.getByTestId(`extension-row-${suggested}`);
  await expect(row).toContainText("E2E front desk");
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit extension ${suggested}` });
  await edit.getByLabel("Description").fill("E2E lobby");
  await edit.getByLabel("Call permission").selectOption("3");
  // The list is fetched again after the save, slowly here: an Edit opened at once shows the saved values.
  const slowList = (url: URL) => url.pathname.endsWith("/extensions");
  await page.route(slowList, async (route) => {
    if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.fallback();
  });
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await row.getByRole("button", { name: "Edit" }).click();
  await expect(edit.getByLabel("Description")).toHaveValue("E2E lobby");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await page.unroute(slowList);
  await expect(row).toContainText("E2E lobby");
  await expect(row).toContainText("International");

  // A number already taken shows Kerio's refusal on the field.
  const taken = telNums()[0] ?? "";
  await page.getByRole("button", { name: "New extension" }).click();
  const again = page.getByRole("dialog", { name: "New extension" });
  // A bad number is caught in the browser, in the server's words, and focus goes to the field.
  await again.getByLabel("Number").fill("12ab");
  await again.getByLabel("Description").focus();
  await again.getByRole("button", { name: "Create extension" }).click();
  await expect(again.getByText("An extension number is 1–10 digits")).toBeVisible();
  await expect(again.getByLabel("Number")).toBeFocused();
  await again.getByLabel("Number").fill(taken);
  await again.getByRole("button", { name: "Create extension" }).click();
  await expect(again.getByText(`Extension ${taken} already exists`)).toBeVisible();
  // What was typed is not thrown away without asking: Escape asks, Keep editing stays, Cancel asks again.
  await page.keyboard.press("Escape");
  const discard = again.getByRole("alert").filter({ hasText: "Discard what you typed?" });
  await expect(discard).toBeVisible();
  await discard.getByRole("button", { name: "Keep editing" }).click();
  await expect(again.getByLabel("Number")).toHaveValue(taken);
  await again.getByRole("button", { name: "Cancel" }).click();
  await discard.getByRole("button", { name: "Discard" }).click();
  await expect(again).toBeHidden();

  // Import 50 rows: one refused by the preview (bad number), one by the PBX (number taken).
  const base = 7000;
  const rows = Array.from({ length: 50 }, (_, i) => `${base + i},Imported ${i},,1,`);
  rows[10] = "70x10,Bad number,,1,";
  rows[20] = `${taken},Taken number,,1,`;
  const csv = `number,description,sipUsername,callPermission,ownerGuid\n${rows.join("\n")}\n`;
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = await csvFile(page, "extensions.csv", csv);
  await expect(dialog.getByTestId("import-summary")).toHaveText(
    "49 rows ready, 1 with problems (they will not be sent).",
  );
  await expect(dialog).toContainText("Line 12: number: An extension number is 1–10 digits");
  await dialog.getByRole("button", { name: "Import 49 extensions" }).click();
  await expect(dialog.getByTestId("import-result")).toHaveText("48 created, 2 failed.");
  await expect(dialog.getByRole("table", { name: "Import results" })).toContainText(
    `Extension ${taken} already exists`,
  );
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download failed rows" }).click();
  const failedCsv = await (await downloading).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  });
  expect(failedCsv.split("\r\n")[0]).toBe(
    "\uFEFFnumber,description,sipUsername,callPermission,ownerGuid,error",
  );
  expect(failedCsv).toContain("70x10,Bad number");
  expect(failedCsv).toContain(`${taken},Taken number`);

  // Fix the two rows and import them again, saved by a European Excel (semicolons, a quoted multi-line cell).
  await dialog.getByRole("button", { name: "Import another file" }).click();
  await csvFile(
    page,
    "fixed.csv",
    `number;description\r\n${base + 10};"Fixed; 10"\r\n${base + 20};"Fixed\n20"\r\n`,
  );
  await dialog.getByRole("button", { name: "Import 2 extensions" }).click();
  await expect(dialog.getByTestId("import-result")).toHaveText("2 created, 0 failed.");
  await dialog.getByRole("button", { name: "Done" }).click();
  for (let i = 0; i < 50; i++) expect(telNums()).toContain(String(base + i));

  // Delete one, with a confirmation naming it.
  await open(page, `${extensionsPath}&q=${base + 7}`);
  const doomed = page.getByTestId(`extension-row-${base + 7}`);
  await doomed.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete extension ${base + 7}?` });
  await expect(confirm).toContainText("Imported 7");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No extensions match")).toBeVisible();
  expect(telNums()).not.toContain(String(base + 7));
});

test("an operator selects rows on two pages and deletes exactly those", async ({ page }) => {
  await signIn(page, "operator", `${extensionsPath}&sort=number&dir=asc&size=25`);
  const rows = page.locator('[data-testid^="extension-row-"]');
  const numberAt = async (index: number) =>
    ((await rows.nth(index).getAttribute("data-testid")) ?? "").replace("extension-row-", "");
  await expect(page.getByTestId("extension-count")).toContainText("page 1 of");
  const chosen = [await numberAt(0), await numberAt(1)];
  for (const number of chosen) await page.getByLabel(`Select ${number}`).check();

  await page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("extension-count")).toContainText("page 2 of");
  await expect(rows.first()).not.toHaveAttribute("data-testid", `extension-row-${chosen[0]}`);
  chosen.push(await numberAt(0));
  await page.getByLabel(`Select ${chosen[2]}`).check();
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected (2 on other pages)");

  const before = telNums().length;
  await page
    .getByRole("toolbar", { name: "Selection" })
    .getByRole("button", { name: "Delete selected" })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete 3 extensions?" });
  await expect(confirm).toContainText(`Extensions ${chosen.join(", ")} are removed from the PBX.`);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText("3 of 3 extensions deleted.");
  await expect(page.getByRole("toolbar", { name: "Selection" })).toHaveCount(0);
  expect(telNums().length).toBe(before - 3);
  for (const number of chosen) expect(telNums()).not.toContain(number);
});

test("an operator selects every extension matching a search but one, and deletes exactly those", async ({
  page,
}) => {
  // The first journey imported 7000–7049 as "Imported n", then deleted 7007 and fixed 7010 and 7020.
  const matching = Array.from({ length: 50 }, (_, i) => String(7000 + i)).filter(
    (number) => !["7007", "7010", "7020"].includes(number),
  );
  await signIn(page, "operator", `${extensionsPath}&q=Imported&sort=number&dir=asc&size=25`);
  await expect(page.getByTestId("extension-count")).toHaveText("47 extensions · page 1 of 2");
  await page.getByLabel("Select every row on this page").check();
  const toolbar = page.getByRole("toolbar", { name: "Selection" });
  await expect(toolbar.getByTestId("selection-count")).toHaveText("25 selected");
  await toolbar.getByRole("button", { name: "Select all 47 extensions matching the filter" }).click();
  await expect(toolbar.getByTestId("selection-count")).toHaveText(
    "47 selected (every extension matching the filter)",
  );
  await page.getByLabel("Select 7000", { exact: true }).uncheck();
  await expect(toolbar.getByTestId("selection-count")).toHaveText(
    "46 selected (every extension matching the filter but 1)",
  );

  const before = telNums().length;
  await toolbar.getByRole("button", { name: "Delete selected" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete 46 extensions?" });
  await expect(confirm).toContainText("Every extension matching “Imported”, but the 1 unticked,");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("bulk-summary")).toHaveText("46 of 46 extensions deleted.");
  await expect(page.getByTestId("extension-count")).toHaveText("1 extension · page 1 of 1");
  expect(telNums().length).toBe(before - 46);
  expect(telNums()).toContain("7000");
  for (const number of matching.slice(1)) expect(telNums()).not.toContain(number);
});

test("an operator's column choice comes back on a link that names no columns", async ({ page }) => {
  await signIn(page, "operator", extensionsPath);
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  const columns = page.getByRole("group", { name: "Columns" });
  const saved = page.waitForResponse(
    (response) => response.url().endsWith("/api/v1/account/table-columns/kerio-extensions") && response.ok(),
  );
  await columns.getByLabel("Owner").uncheck();
  await saved;
  await expect(page).toHaveURL(
    /cols=description%2CsipUsername%2Cstatus%2Cpermission|cols=description,sipUsername,status,permission/,
  );
  await expect(page.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);

  // A fresh link without `cols`: the saved choice, not the default.
  await open(page, extensionsPath);
  await expect(page.getByTestId("extension-count")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Description" })).toBeVisible();
  // A link that names its columns wins over the saved choice.
  await open(page, `${extensionsPath}&cols=owner`);
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Description" })).toHaveCount(0);
  // Put the default back for the journeys after this one.
  await open(page, extensionsPath);
  const restored = page.waitForResponse(
    (response) => response.url().includes("/table-columns/") && response.ok(),
  );
  await page.getByRole("group", { name: "Columns" }).getByLabel("Owner").check();
  await restored;
});

test("a viewer reads extensions, sees no write action, and the API answers 403", async ({ page }) => {
  await signIn(page, "viewer", `${extensionsPath}&sort=description&dir=desc`);
  await expect(page.getByTestId("extension-count")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Description ▼/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "New extension" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const number = telNums()[0] ?? "";
  const base = `/api/v1/kerio/${connectionId}/extensions`;
  const refused = await Promise.all([
    page.request.post(base, { data: { number: "99990" } }),
    page.request.patch(`${base}/${number}`, { data: { description: "x" } }),
    page.request.delete(`${base}/${number}`),
    page.request.post(`${base}/import`, { data: { rows: [{ number: "99991" }] } }),
  ]);
  expect(refused.map((response) => response.status())).toEqual([403, 403, 403, 403]);
  expect(telNums()).toContain(number);
});
