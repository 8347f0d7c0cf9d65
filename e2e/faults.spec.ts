import { expect, type Page, test } from "@playwright/test";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import {
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { type Faults, NO_FAULTS } from "@/simulators/shared/faults";
import { type FaultProxy, startFaultProxy } from "@/testing/fault-proxy";
import { addConnections, type NewConnection } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * Every vendor page while its appliance fails: the page says which appliance failed and how, offers Retry,
 * and shows the data once the appliance answers again, without a reload. Each simulator sits behind a
 * counting proxy, which can also lose the answer to a write after the appliance carried it out.
 */

interface Appliance {
  faults: Faults;
  proxy: FaultProxy;
  close(): Promise<void>;
}

const stamp = Date.now().toString(36);
const ids = {
  operator: `faults-op-${stamp}`,
  connect: `faults-co-${stamp}`,
  control: `faults-ctl-${stamp}`,
  kiwire: `faults-kw-${stamp}`,
  kalliope: `faults-ka-${stamp}`,
  kayako: `faults-ky-${stamp}`,
};
const appliances = new Map<keyof typeof ids, Appliance>();
let operatorSim: Awaited<ReturnType<typeof startKerioOperatorSimulator>>;
let kiwireSim: Awaited<ReturnType<typeof startKiwireSimulator>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  operatorSim = await startKerioOperatorSimulator({ port: 0, extensions: 20, users: 10 });
  const connect = await startKerioConnectSimulator({ port: 0, domains: 1, usersPerDomain: 10 });
  const control = await startKerioControlSimulator({ port: 0, ipAddressEntries: 10 });
  kiwireSim = await startKiwireSimulator({ port: 0, users: 10, vouchers: 20 });
  const kalliope = await startKalliopeSimulator({ port: 0, callsPerDay: 30, days: 2, dailyVariation: false });
  const kayako = await startKayakoSimulator({ port: 0, tickets: 10, staff: 2, users: 5, organizations: 1 });
  const sims = { operator: operatorSim, connect, control, kiwire: kiwireSim, kalliope, kayako };
  const settings = {
    operator: { kind: "kerio-operator", ...operatorSim.credentials },
    connect: { kind: "kerio-connect", ...connect.credentials },
    control: { kind: "kerio-control", ...control.credentials },
    kiwire: { kind: "kiwire", ...kiwireSim.credentials },
    kalliope: { kind: "kalliope", ...kalliope.credentials, domain: "default" },
    kayako: { kind: "kayako", ...kayako.credentials },
  };
  const connections: NewConnection[] = [];
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const sim = sims[key];
    const proxy = await startFaultProxy(sim.baseUrl);
    appliances.set(key, { faults: sim.faults, proxy, close: () => sim.close() });
    connections.push({
      id: ids[key],
      name: `Faults ${key} ${stamp}`,
      baseUrl: proxy.baseUrl,
      ...settings[key],
    });
  }
  await addConnections(browser, connections);
});

test.afterAll(async () => {
  for (const appliance of appliances.values()) {
    await appliance.proxy.close();
    await appliance.close();
  }
});

function appliance(key: keyof typeof ids): Appliance {
  const found = appliances.get(key);
  if (!found) throw new Error(`no ${key} appliance`);
  return found;
}

/** The error names the appliance; Retry is a real button, pressed from the keyboard. */
async function retryAfterRecovery(page: Page, key: keyof typeof ids, says: RegExp) {
  const alert = page.getByRole("alert").filter({ hasText: says }).first();
  await expect(alert).toBeVisible({ timeout: 20_000 });
  // The id of the failed request, for the person to quote and the admin to find in the log.
  await expect(alert).toContainText(/Request id: [0-9a-f-]{36}/);
  const retry = alert.getByRole("button", { name: "Retry", exact: true });
  await expect(retry).toBeVisible();
  Object.assign(appliance(key).faults, NO_FAULTS);
  await retry.focus();
  await page.keyboard.press("Enter");
  // A page with two queries on the appliance (a list and its totals) shows two errors: retry each.
  const alerts = page.getByRole("alert").filter({ hasText: says });
  await expect(async () => {
    const again = alerts.getByRole("button", { name: "Retry", exact: true }).first();
    // Short: the error may vanish between the check and the press, and toPass then tries again.
    if (await again.isVisible()) await again.press("Enter", { timeout: 1_000 });
    await expect(alerts).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

const pages = [
  {
    name: "Kerio Operator extensions",
    key: "operator",
    path: `/kerio/extensions?connection=${ids.operator}`,
    fault: { dropRate: 1 },
    says: /Kerio Operator at 127\.0\.0\.1:\d+ closed the connection before answering/,
    loaded: (page: Page) => expect(page.getByTestId("extension-count")).toContainText("page 1 of"),
  },
  {
    name: "Kerio Connect mail users",
    key: "connect",
    path: `/kerio/mail-users?connection=${ids.connect}`,
    fault: { dropRate: 1 },
    says: /Kerio Connect at 127\.0\.0\.1:\d+ closed the connection/,
    loaded: (page: Page) => expect(page.getByTestId("mail-user-count")).toBeVisible(),
  },
  {
    name: "Kerio Control address groups",
    key: "control",
    path: `/kerio/address-groups?connection=${ids.control}`,
    fault: { dropRate: 1 },
    says: /Kerio Control at 127\.0\.0\.1:\d+ closed the connection/,
    loaded: (page: Page) => expect(page.locator('[data-testid^="address-entry-"]').first()).toBeVisible(),
  },
  {
    name: "Kiwire login history",
    key: "kiwire",
    path: `/kiwire/login-history?connection=${ids.kiwire}`,
    fault: { dropRate: 1 },
    says: /Kiwire at 127\.0\.0\.1:\d+ closed the connection/,
    loaded: (page: Page) => expect(page.getByRole("table").or(page.getByText("No sessions"))).toBeVisible(),
  },
  {
    name: "KalliopePBX calls",
    key: "kalliope",
    // Today, which is read from the PBX on every query (past days come from the console's cache).
    path: `/kalliope/calls?connection=${ids.kalliope}`,
    fault: { failRate: 1 },
    says: /KalliopePBX answered HTTP 500/,
    // In the small hours today may have no calls yet: the empty list is a recovered page too.
    loaded: (page: Page) =>
      expect(page.getByTestId("call-count").or(page.getByText("No calls match"))).toBeVisible(),
  },
  {
    name: "Kayako tickets",
    key: "kayako",
    path: `/kayako/tickets?connection=${ids.kayako}`,
    fault: { failRate: 1 },
    says: /Kayako answered HTTP 500/,
    loaded: (page: Page) => expect(page.getByRole("table", { name: "Tickets" })).toBeVisible(),
  },
] as const;

for (const vendorPage of pages) {
  test(`${vendorPage.name}: a failing appliance shows its error and Retry, and the page recovers`, async ({
    page,
  }) => {
    await signIn(page, "operator");
    Object.assign(appliance(vendorPage.key).faults, vendorPage.fault);
    await open(page, vendorPage.path);
    await retryAfterRecovery(page, vendorPage.key, vendorPage.says);
    await vendorPage.loaded(page);
  });
}

// The Kiwire voucher and user lists answer from the console's index of Kiwire's tables, built on the first view
// or by the background refresh: a failing appliance shows on Refresh, while the list stays as it was.
for (const list of [
  {
    name: "Kiwire hotspot users",
    path: `/kiwire/users?connection=${ids.kiwire}`,
    count: "hotspot-user-count",
  },
  { name: "Kiwire vouchers", path: `/kiwire/vouchers?connection=${ids.kiwire}`, count: "voucher-count" },
]) {
  test(`${list.name}: a failing appliance shows on Refresh, the list stays, and Retry recovers`, async ({
    page,
  }) => {
    await signIn(page, "operator", list.path);
    await expect(page.getByTestId(list.count)).toBeVisible();
    Object.assign(appliance("kiwire").faults, { failRate: 1 });
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await retryAfterRecovery(page, "kiwire", /Kiwire answered HTTP 500/);
    await expect(page.getByTestId(list.count)).toBeVisible();
    await expect(page.getByTestId("index-as-of")).toContainText(/as of \d\d:\d\d/);
  });
}

test("overview: a failing connection card says what failed, and Check again clears it once the appliance answers", async ({
  page,
}) => {
  await signIn(page, "admin");
  appliance("kayako").faults.failRate = 1;
  const checked = await page.request.post(`/api/v1/connections/${ids.kayako}/test`);
  expect((await checked.json()).ok).toBe(false);
  await open(page, "/");
  const card = page.getByTestId(`health-card-${ids.kayako}`);
  await expect(card.getByTestId("health-state")).toHaveAttribute("data-state", "failing");
  await expect(card).toContainText("Kayako");
  await expect(card).toContainText("500");
  appliance("kayako").faults.failRate = 0;
  await card.getByRole("button", { name: "Check again" }).press("Enter");
  await expect(card.getByTestId("health-state")).toHaveAttribute("data-state", "ok");
  await expect(card.getByRole("button", { name: "Check again" })).toHaveCount(0);
});

test("a voucher batch whose answer is lost shows an error, and the list holds that batch exactly once", async ({
  page,
}) => {
  await signIn(page, "operator", `/kiwire/vouchers?connection=${ids.kiwire}`);
  await expect(page.getByTestId("voucher-count")).toContainText("vouchers");
  const { proxy } = appliance("kiwire");
  proxy.reset();
  proxy.loseNextAnswer((request) => request.url.startsWith("/apiv2/voucher/create"));

  await page.getByRole("button", { name: "Generate vouchers" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate vouchers" });
  await dialog.getByLabel("Prefix").fill("LOST");
  await dialog.getByLabel("Quantity").fill("4");
  await dialog.getByLabel("Profile").selectOption("wx_temp");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByRole("alert")).toContainText("closed the connection before answering");
  await expect(dialog.getByRole("alert")).toContainText("reload and check before trying again");
  // The form guards what was typed: Cancel asks first.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();

  expect(proxy.requests.filter((request) => request.url.startsWith("/apiv2/voucher/create"))).toHaveLength(1);
  const created = [...kiwireSim.store.vouchers.values()].filter((voucher) =>
    voucher.username.startsWith("LOST"),
  );
  expect(created).toHaveLength(4);
  await page.reload();
  await expect(page.locator('[data-testid^="voucher-row-LOST"]')).toHaveCount(4);
});

test("an extension whose create answer is lost is made once: the console checks before it reports", async ({
  page,
}) => {
  await signIn(page, "operator", `/kerio/extensions?connection=${ids.operator}`);
  await expect(page.getByTestId("extension-count")).toContainText("page 1 of");
  const { proxy } = appliance("operator");
  proxy.reset();
  proxy.loseNextAnswer((request) => request.body.includes('"method":"Extensions.create"'));
  const number = String(operatorSim.store.nextFreeNumber());

  await page.getByRole("button", { name: "New extension" }).click();
  const create = page.getByRole("dialog", { name: "New extension" });
  // The suggested number first, as a person sees it: typing over the field while the suggestion is on its way
  // would race it.
  await expect(create.getByLabel("Number")).toHaveValue(number);
  await create.getByLabel("Number").fill(number);
  await create.getByLabel("Description").fill("Lost answer");
  await create.getByRole("button", { name: "Create extension" }).click();
  await expect(create.getByTestId("sip-password")).toHaveText(/^[A-Za-z0-9]{16}$/);
  await create.getByRole("button", { name: "Done" }).click();

  expect(
    proxy.requests.filter((request) => request.body.includes('"method":"Extensions.create"')),
  ).toHaveLength(1);
  expect([...operatorSim.store.extensions.values()].filter((e) => e.telNum === number)).toHaveLength(1);
  await page.getByRole("textbox", { name: "Search" }).fill(number);
  await expect(page.getByTestId(`extension-row-${number}`)).toHaveCount(1);
});
