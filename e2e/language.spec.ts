import { expect, test } from "@playwright/test";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
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
