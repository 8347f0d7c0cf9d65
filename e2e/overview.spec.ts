import { expect, type Page, test } from "@playwright/test";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { type RunningKayakoSimulator, startKayakoSimulator } from "@/simulators/kayako/simulator";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { seriousViolations } from "./axe";
import { addConnections } from "./connections-setup";
import { unfold } from "./sections";
import { open, signIn } from "./sign-in";
import { inBothThemes, themeClass } from "./themes";

/**
 * The overview answers "is everything all right?": each connection's card shows its live figures, each figure
 * opens the list it counts, and an appliance that fails shows its error on its own card while the others load.
 * The calls page draws its statistics with the same chart parts: axes, values and a table alternative.
 */

const stamp = Date.now().toString(36);
const ids = {
  pbx: `ov-pbx-${stamp}`,
  operator: `ov-operator-${stamp}`,
  hotspot: `ov-hotspot-${stamp}`,
  help: `ov-help-${stamp}`,
  down: `ov-down-${stamp}`,
};
let pbx: RunningKalliopeSimulator;
let down: RunningKayakoSimulator;
const simulators: RunningSimulator[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  pbx = await startKalliopeSimulator({ port: 0, callsPerDay: 120, days: 8 });
  const operator = await startKerioOperatorSimulator({ port: 0, extensions: 40 });
  const hotspot = await startKiwireSimulator({ port: 0, users: 3, vouchers: 400, profiles: 2, nas: 1 });
  // A few vouchers in use, two of them ending in the last second of today (the seed's batches may all have run
  // out). They ended at 23:00 before, so after 23:00 UTC they had already expired and the test failed.
  const today = new Date().toISOString().slice(0, 10);
  [...hotspot.store.vouchers.values()].slice(0, 5).forEach((voucher, i) => {
    voucher.status = "act";
    voucher.expiry = Date.parse(`${today}T23:59:59Z`) + (i < 2 ? 0 : 3 * 86_400_000);
  });
  const help = await startKayakoSimulator({ port: 0, tickets: 30, staff: 2, users: 5 });
  down = await startKayakoSimulator({ port: 0, tickets: 5, staff: 1, users: 2 });
  simulators.push(pbx, operator, hotspot, help, down);
  const credentials = (simulator: RunningSimulator) => simulator.credentials as Record<string, unknown>;
  await addConnections(browser, [
    {
      id: ids.pbx,
      kind: "kalliope",
      name: `Overview PBX ${stamp}`,
      baseUrl: pbx.baseUrl,
      ...credentials(pbx),
      domain: "default",
    },
    {
      id: ids.operator,
      kind: "kerio-operator",
      name: `Overview Operator ${stamp}`,
      baseUrl: operator.baseUrl,
      ...credentials(operator),
    },
    {
      id: ids.hotspot,
      kind: "kiwire",
      name: `Overview hotspot ${stamp}`,
      baseUrl: hotspot.baseUrl,
      ...credentials(hotspot),
    },
    {
      id: ids.help,
      kind: "kayako",
      name: `Overview helpdesk ${stamp}`,
      baseUrl: help.baseUrl,
      ...credentials(help),
    },
    {
      id: ids.down,
      kind: "kayako",
      name: `Overview broken helpdesk ${stamp}`,
      baseUrl: down.baseUrl,
      ...credentials(down),
    },
  ]);
  // This helpdesk answers every request with HTTP 500 from now on.
  down.faults.failRate = 1;
});
test.afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
});

const card = (page: Page, id: string) => page.getByTestId(`health-card-${id}`);
const figure = (page: Page, id: string, label: string) =>
  card(page, id).getByRole("link", { name: new RegExp(`^${label}`) });

async function summaryOf(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/connections/${id}/summary`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test("each card shows its connection's figures; a failing appliance shows its error on its own card", async ({
  page,
}) => {
  await signIn(page, "viewer");
  for (const id of [ids.pbx, ids.operator, ids.hotspot, ids.help]) {
    await expect(card(page, id).getByTestId("figure-value").first()).toBeVisible();
  }
  // The broken helpdesk's card says what failed, with a Retry, while the others show their figures.
  const broken = card(page, ids.down);
  await expect(broken.getByRole("alert")).toContainText("Kayako");
  await expect(broken.getByRole("button", { name: "Retry" })).toBeVisible();

  const calls = await summaryOf(page, ids.pbx);
  await expect(figure(page, ids.pbx, "Calls today").getByTestId("figure-value")).toHaveText(
    calls.callsToday.toLocaleString("en"),
  );
  await expect(figure(page, ids.pbx, "Calls today")).toContainText("by this time yesterday");
  await expect(card(page, ids.pbx).getByRole("img", { name: /^Calls per day, last 7 days/ })).toBeVisible();

  const extensions = await summaryOf(page, ids.operator);
  expect(extensions.registered).not.toBeNull();
  await expect(figure(page, ids.operator, "Phones registered").getByTestId("figure-value")).toHaveText(
    `${extensions.registered} / ${extensions.extensions}`,
  );

  const tickets = await summaryOf(page, ids.help);
  await expect(figure(page, ids.help, "Open tickets").getByTestId("figure-value")).toHaveText(
    String(tickets.openTickets),
  );
  await expect(figure(page, ids.help, "Unassigned").getByTestId("figure-value")).toHaveText(
    String(tickets.unassignedTickets),
  );
});

test("a figure's link opens the list filtered to what it counts", async ({ page }) => {
  await signIn(page, "viewer");
  const vouchers = await summaryOf(page, ids.hotspot);
  expect(vouchers.activeVouchers).toBeGreaterThan(0);
  const active = figure(page, ids.hotspot, "Active vouchers");
  await expect(active.getByTestId("figure-value")).toHaveText(String(vouchers.activeVouchers));
  await active.click();
  await expect(page).toHaveURL(new RegExp(`/kiwire/vouchers\\?connection=${ids.hotspot}&status=active`));
  await expect(page.getByTestId("voucher-count")).toContainText(
    `${vouchers.activeVouchers.toLocaleString("en")} voucher${vouchers.activeVouchers === 1 ? "" : "s"}`,
  );

  await open(page, "/");
  const expiring = figure(page, ids.hotspot, "Expiring today");
  await expect(expiring.getByTestId("figure-value")).toHaveText(String(vouchers.expiringToday));
  expect(vouchers.expiringToday).toBeGreaterThanOrEqual(2);
  await expiring.click();
  await expect(page).toHaveURL(new RegExp(`status=active&expires=${vouchers.today}`));
  await expect(page.getByLabel("Expires on", { exact: true })).toHaveValue(vouchers.today);
  await expect(page.getByTestId("voucher-count")).toContainText(`${vouchers.expiringToday} vouchers`);

  await open(page, "/");
  await figure(page, ids.help, "Unassigned").click();
  await expect(page).toHaveURL(/\/kayako\/tickets\?.*owner=unassigned/);
  await expect(
    page.getByRole("form", { name: "Filter tickets" }).getByLabel("Owner", { exact: true }),
  ).toHaveValue("unassigned");
});

test("the calls chart has axes, values a keyboard can reach, and a table with the same figures", async ({
  page,
}) => {
  await signIn(page, "viewer", `/kalliope/calls?connection=${ids.pbx}&preset=last7`);
  await unfold(page, "Statistics");
  const chart = page.getByRole("figure", { name: /^Calls per day by outcome/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId("value-axis").locator("text").first()).toHaveText("0");
  await expect(chart.getByTestId("category-axis").locator("text")).not.toHaveCount(0);
  await expect(chart.getByRole("list", { name: "Legend" })).toContainText("Answered");

  const bars = chart.getByRole("img");
  await expect(bars).toHaveCount(7);
  await bars.first().focus();
  await expect(chart.getByTestId("bar-values")).toContainText(/\d+ calls/);

  await chart.getByRole("button", { name: "Show as table" }).click();
  const table = chart.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(7);
  const totals = await table.locator("tbody tr td:last-child").allTextContents();
  const sum = totals.reduce((total, text) => total + Number(text.replaceAll(",", "")), 0);
  await expect(page.getByTestId("stat-Calls")).toHaveText(sum.toLocaleString("en"));
  await chart.getByRole("button", { name: "Show as chart" }).click();
  await expect(chart.getByRole("img")).toHaveCount(7);
});

test.describe("axe, in both themes", () => {
  // axe over a page of real data takes a while on a busy machine.
  test.describe.configure({ timeout: 120_000 });
  // Loaded in light (the server renders the cookie's class), then switched to dark as the theme menu does.
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: "theme", value: "light", url: baseURL ?? "" }]);
  });

  test("the overview's figures are axe-clean", async ({ page }) => {
    await signIn(page, "viewer");
    await expect(page.locator("html")).toHaveClass(themeClass("light"));
    // The sparkline loads on demand, after every card's figures: on a busy machine that takes a while.
    await expect(card(page, ids.pbx).getByRole("img", { name: /^Calls per day/ })).toBeVisible({
      timeout: 45_000,
    });
    await expect(card(page, ids.down).getByRole("alert")).toBeVisible({ timeout: 45_000 });
    await inBothThemes(page, "light", async (theme) => {
      expect.soft(await seriousViolations(page), `overview (${theme})`).toEqual([]);
    });
  });

  test("the calls chart and its table are axe-clean", async ({ page }) => {
    await signIn(page, "viewer", `/kalliope/calls?connection=${ids.pbx}&preset=last7`);
    await expect(page.locator("html")).toHaveClass(themeClass("light"));
    const chart = page.getByRole("figure", { name: /^Calls per day by outcome/ });
    await expect(chart.getByRole("img").first()).toBeVisible();
    const shown = await inBothThemes(page, "light", async (theme) => {
      expect.soft(await seriousViolations(page), `calls chart (${theme})`).toEqual([]);
    });
    await chart.getByRole("button", { name: "Show as table" }).click();
    await expect(chart.getByRole("table")).toBeVisible();
    await inBothThemes(page, shown, async (theme) => {
      expect.soft(await seriousViolations(page), `calls chart as a table (${theme})`).toEqual([]);
    });
  });
});

// Last: once it has answered, the server shares the helpdesk's figures for a few seconds.
test("a failing card recovers with Retry once its appliance answers again", async ({ page }) => {
  await signIn(page, "viewer");
  const broken = card(page, ids.down);
  await expect(broken.getByRole("alert")).toContainText("Kayako");
  down.faults.failRate = 0;
  await broken.getByRole("button", { name: "Retry" }).click();
  await expect(broken.getByRole("alert")).toHaveCount(0);
  await expect(figure(page, ids.down, "Open tickets").getByTestId("figure-value")).toHaveText(/^\d+$/);
});
