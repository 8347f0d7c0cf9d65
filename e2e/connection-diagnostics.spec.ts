import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { ConnectionExchangesDto } from "@/lib/api/connection-exchanges";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { connectionFor } from "@/testing/connection-fixtures";
import { seriousViolations } from "./axe";
import { addConnections } from "./connections-setup";
import { signIn } from "./sign-in";

/**
 * An admin looks at what the console said to an appliance and what it answered: opens a connection's
 * diagnostics (empty at first), tests the connection, sees the login and the signed call in the list,
 * opens one, and downloads the file an operator would send along; no secret is on the page or in the file.
 */

let simulator: RunningSimulator;
const stamp = Date.now().toString(36);
const PASSWORD = `e2e-kiwire-${stamp}-password`;
const API_KEY = `e2e-kiwire-${stamp}-api-key`;
const id = `hotspot-diag-${stamp}`;
const name = `Diagnosed hotspot ${stamp}`;

test.beforeAll(async ({ browser }) => {
  simulator = await startKiwireSimulator({
    port: 0,
    users: 2,
    vouchers: 2,
    profiles: 1,
    nas: 1,
    devices: 1,
    historyDays: 1,
    password: PASSWORD,
    apiKey: API_KEY,
  });
  await addConnections(browser, [
    { ...connectionFor(simulator, { id, name, password: PASSWORD, apiKey: API_KEY }), id, name },
  ]);
});
test.afterAll(async () => {
  await simulator?.close();
});

test("an admin opens a connection's diagnostics after a test, reads an exchange and downloads them", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin/connections");
  const row = page.getByTestId(`connection-row-${id}`);

  // The health runner probes a new connection on its own, so a real log is rarely empty for long: the empty
  // state is shown from an empty answer.
  const exchangesApi = `**/api/v1/connections/${id}/exchanges`;
  await page.route(exchangesApi, (route) => route.fulfill({ json: { connectionId: id, items: [] } }));
  await row.getByRole("button", { name: "Diagnostics" }).click();
  const diagnostics = page.getByRole("dialog", { name: `Diagnostics of ${name}` });
  await expect(diagnostics.getByText("No exchanges yet")).toBeVisible();
  await diagnostics.getByRole("button", { name: "Close" }).click();
  await expect(diagnostics).toBeHidden();
  await page.unroute(exchangesApi);

  await row.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByRole("dialog", { name: `Test of ${name}` });
  await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "ok");
  await result.getByRole("button", { name: "Close" }).click();

  await row.getByRole("button", { name: "Diagnostics" }).click();
  const exchanges = diagnostics.getByRole("list", { name: "Exchanges" });
  const items = exchanges.getByRole("listitem");
  // The test's signed call and a login are in the list. Their places are not fixed: the health runner may have
  // probed the new connection (and logged in) before the test, whose call then reuses that token, and the
  // Kiwire index scans the new connection's tables in the background. The order is checked on the download.
  await expect(items.filter({ hasText: "/apiv2/profile/get" }).first()).toContainText("200");
  const login = items.filter({ hasText: "/admin/agent/api_login.php" }).first();
  await expect(login).toContainText("200");

  // Opened from the keyboard: the login's code is redacted, the tenant is not.
  await login.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(login.getByRole("heading", { name: "Request" })).toBeVisible();
  await expect(login).toContainText("code=[redacted]");
  await expect(login).toContainText(`cloud_id=${simulator.credentials.cloudId}`);
  await expect(login.getByRole("heading", { name: "Response" })).toBeVisible();
  await expect(login).toContainText('"token":"[redacted]"');

  const before = await items.count();
  expect((await page.request.post(`/api/v1/connections/${id}/test`)).status()).toBe(200);
  await diagnostics.getByRole("button", { name: "Refresh" }).click();
  await expect.poll(() => items.count()).toBeGreaterThan(before);

  const content = await page.content();
  expect(content).not.toContain(PASSWORD);
  expect(content).not.toContain(API_KEY);

  const downloading = page.waitForEvent("download");
  await diagnostics.getByRole("link", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${id}-exchanges-.+\\.json$`));
  const text = readFileSync(await download.path(), "utf8");
  const file = JSON.parse(text) as ConnectionExchangesDto;
  expect(file.connectionId).toBe(id);
  const paths = file.items.map((item) => item.path);
  expect(paths).toContain("/admin/agent/api_login.php");
  expect(paths).toContain("/apiv2/profile/get");
  const times = file.items.map((item) => item.at);
  expect(times).toEqual([...times].sort().reverse());
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(API_KEY);

  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Close" }).last().click();
  await page.getByLabel("Colour theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await row.getByRole("button", { name: "Diagnostics" }).click();
  await items.first().locator("summary").click();
  await expect(items.first().getByRole("heading", { name: "Request" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("an operator has no diagnostics to open and the API refuses them", async ({ page }) => {
  await signIn(page, "operator", "/admin/connections");
  await expect(page.getByRole("button", { name: "Diagnostics" })).toHaveCount(0);
  const refused = await page.request.get(`/api/v1/connections/${id}/exchanges`);
  expect(refused.status()).toBe(403);
});
