import { expect, test } from "@playwright/test";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { say } from "./catalog-names";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * A person who never chose a language gets the one their browser asks for. Only the browser's language is
 * used here: a saved choice would change a demo account other specs read in English at the same time (the
 * saved choice is covered by app/api/v1/account/language/language.integration.test.ts).
 */
test("a browser that asks for Italian gets the navigation in Italian, and the choice of language offers it", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "it-IT" });
  const page = await context.newPage();
  await signIn(page, "viewer");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  const it = CATALOGS.it;
  const navigation = page.getByRole("navigation", { name: it.shell.mainNavigation });
  await expect(navigation.getByRole("link", { name: it.nav.pages.calls })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(it.nav.pages.overview));

  await open(page, "/account");
  await expect(page).toHaveTitle(new RegExp(it.nav.pages.account));
  const language = page.getByRole("combobox", { name: it.common.language.label });
  await expect(language).toHaveValue("browser");
  await expect(language.locator("option:checked")).toHaveText("Come il mio browser (Italiano)");
  await context.close();
});

test("a browser that asks for English, or for a language the console does not speak, gets English", async ({
  browser,
}) => {
  for (const locale of ["en-US", "de-DE"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await signIn(page, "viewer");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Call records" }),
    ).toBeVisible();
    await context.close();
  }
});

test("an admin whose browser asks for Italian reads a connection test's finding in Italian, then in its health", async ({
  browser,
}) => {
  const simulator = await startKiwireSimulator({ port: 0, users: 2, vouchers: 2 });
  const id = `e2e-it-test-${Date.now().toString(36)}`;
  const name = `Hotspot IT ${id}`;
  try {
    // A wrong password: the finding is the console's sentence around Kiwire's own words.
    await addConnections(browser, [
      { id, kind: "kiwire", name, baseUrl: simulator.baseUrl, ...simulator.credentials, password: "wrong" },
    ]);
    const context = await browser.newContext({ locale: "it-IT" });
    const page = await context.newPage();
    await signIn(page, "admin", "/admin/connections");
    const row = page.getByTestId(`connection-row-${id}`);
    await row.getByRole("button", { name: say("it", "Test connection") }).click();
    const result = page.getByRole("dialog", { name: say("it", "Test of {name}").replace("{name}", name) });
    await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "wrong_credentials");
    await expect(result.getByRole("alert")).toContainText("Kiwire ha rifiutato nome utente o password");
    await result.getByRole("button", { name: say("it", "Close") }).click();
    // The health kept from that test is read in the reader's language too.
    await expect(row).toContainText("Kiwire ha rifiutato nome utente o password");
    await context.close();
  } finally {
    await simulator.close();
  }
});
