import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { open, signIn } from "./sign-in";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

test("the login page has no serious accessibility violations", async ({ page }) => {
  await open(page, "/login");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`admin pages have no serious accessibility violations (${theme})`, async ({ page, context }) => {
    await context.addCookies([{ name: "theme", value: theme, url: "http://127.0.0.1" }]);
    await signIn(page, "admin");
    for (const path of [
      "/",
      "/admin/users",
      "/admin/api-tokens",
      "/admin/audit",
      "/api-docs",
      "/kerio/extensions",
    ]) {
      await open(page, path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("status", { name: "Loading" })).toHaveCount(0);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test("the 403 page has no serious accessibility violations", async ({ page }) => {
  await signIn(page, "viewer");
  await open(page, "/admin/users");
  expect(await seriousViolations(page)).toEqual([]);
});
