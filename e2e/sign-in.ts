import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import type { Role } from "@/lib/permissions";

export function demoAccount(role: Role) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Signs in through the login form, as a person does, and waits for the console shell. */
export async function signIn(page: Page, role: Role, returnTo = "/") {
  const account = demoAccount(role);
  await page.goto(returnTo);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText(role);
}
