import { expect, test } from "@playwright/test";
import { formatMessage } from "@/lib/i18n/format-message";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * A whole journey in Italian: an operator of their own (so no demo account another spec reads in English
 * changes language) signs in on an English browser, chooses Italiano once, and from then on generates and
 * prints a batch of vouchers with their QR codes in Italian. The names come from the Italian catalog, so a
 * screen left in English fails here.
 */

const it = CATALOGS.it;
const say = (message: string, values: Record<string, string | number>) =>
  formatMessage(message, values, "it");

const stamp = Date.now().toString(36);
const hotspotId = `it-hotspot-${stamp}`;
const operator = {
  email: `operatore.${stamp}@example.com`,
  name: "Giulia Operatrice",
  role: "operator",
  password: "una passphrase lunga per Giulia",
};
let kiwire: RunningKiwireSimulator;

test.beforeAll(async ({ browser }) => {
  kiwire = await startKiwireSimulator({ port: 0, users: 5, vouchers: 10 });
  await addConnections(browser, [
    {
      id: hotspotId,
      kind: "kiwire",
      name: `Albergo ${stamp}`,
      baseUrl: kiwire.baseUrl,
      ...kiwire.credentials,
    },
  ]);
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  const created = await admin.request.post("/api/v1/users", { data: operator });
  expect(created.status(), await created.text()).toBe(201);
  await admin.close();
});
test.afterAll(async () => {
  await kiwire?.close();
});

test("an Italian operator chooses Italiano, then generates and prints vouchers with QR codes in Italian", async ({
  page,
}) => {
  // The browser asks for English: the language the person saves is what the console speaks.
  await open(page, "/account");
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption("it");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("combobox", { name: it.common.language.label })).toHaveValue("it");

  await expect(
    page
      .getByRole("navigation", { name: it.shell.mainNavigation })
      .getByRole("link", { name: it.nav.pages.vouchers }),
  ).toBeVisible();
  await open(page, `/kiwire/vouchers?connection=${hotspotId}`);
  await expect(page.getByRole("heading", { level: 1, name: it.kiwire.vouchers.title })).toBeVisible();

  await page.getByRole("button", { name: it.kiwire.vouchers.generate }).click();
  const generate = page.getByRole("dialog", { name: it.kiwire.generate.title });
  await generate.getByLabel(it.kiwire.generate.prefix).fill("IT");
  await generate.getByLabel(it.kiwire.generate.quantity).fill("3");
  await generate.getByLabel(it.kiwire.plan.profile).selectOption("wx_temp");
  await generate.getByRole("button", { name: it.kiwire.generate.submit, exact: true }).click();
  await expect(page.getByText(/Lotto .+: 3 voucher generati\./)).toBeVisible();
  const codes = [...kiwire.store.vouchers.values()]
    .map((voucher) => voucher.username)
    .filter((code) => code.startsWith("IT"));
  expect(codes).toHaveLength(3);

  await page.getByRole("button", { name: it.kiwire.vouchers.printBatch }).click();
  const print = page.getByRole("dialog", { name: it.kiwire.print.title });
  for (const layout of ["a4", "slip"] as const) {
    await print.getByLabel(it.kiwire.print.layout).selectOption(layout);
    const cards = print.getByTestId("voucher-card");
    await expect(cards).toHaveCount(3);
    for (const card of await cards.all()) {
      await expect(card).toContainText(it.kiwire.print.accessCode);
      const code = (await card.getByTestId("voucher-code").textContent()) ?? "";
      expect(codes).toContain(code);
      await expect(
        card.getByRole("img", { name: say(it.kiwire.print.qrCode, { value: code }) }),
      ).toBeVisible();
    }
  }
  await expect(print.getByRole("button", { name: say(it.kiwire.print.print, { count: 3 }) })).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(print).toHaveCount(0);
});
