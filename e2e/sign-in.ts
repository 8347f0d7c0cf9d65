import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import type { Role } from "@/lib/permissions";

export function demoAccount(role: Role) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Navigates and waits until React has attached its handlers (see components/shell/providers.tsx). */
export async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
}

/** Signs in through the login form, as a person does, and waits for the console shell. */
export async function signIn(page: Page, role: Role, returnTo = "/") {
  const account = demoAccount(role);
  await open(page, returnTo);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  // Sent with Enter, as a person often does: the button's name is in the browser's language (Accedi in Italian).
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("user-role")).toHaveText(role);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
