import { expect, test } from "@playwright/test";
import type { Role } from "@/lib/permissions";
import { demoAccount, open, signIn } from "./sign-in";

// What each role must see in the sidebar, written out by hand (not derived from the permission table).
const ADMIN_ONLY = ["Users", "API tokens", "Audit log"];
const EVERYONE = [
  "Overview",
  "Connections",
  "API reference",
  "PBX extensions",
  "Mail accounts",
  "IP address groups",
  "Hotspot vouchers",
  "Hotspot users",
  "Hotspot login history",
  "Hotspot profiles and NAS",
  "Call records",
  "Helpdesk tickets",
];

for (const role of ["admin", "operator", "viewer"] as const satisfies readonly Role[]) {
  test(`${role} signs in, sees only what the role allows, is refused elsewhere, and signs out`, async ({
    page,
  }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    const link = (label: string) => nav.getByRole("link", { name: label, exact: true });
    for (const label of EVERYONE) await expect(link(label)).toBeVisible();
    for (const label of ADMIN_ONLY) {
      if (role === "admin") await expect(link(label)).toBeVisible();
      else await expect(link(label)).toHaveCount(0);
    }

    // A forbidden URL typed by hand: the 403 page, with status 403.
    const response = await open(page, "/admin/audit");
    if (role === "admin") {
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    } else {
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }

    await open(page, "/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await open(page, "/admin/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  });
}

test("a wrong password is refused with a message, and the form keeps working", async ({ page }) => {
  await open(page, "/login");
  await page.getByLabel("Email").fill(demoAccount("viewer").email);
  await page.getByLabel("Password").fill("not the right passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  // A refused form keeps what was typed.
  await expect(page.getByLabel("Email")).toHaveValue(demoAccount("viewer").email);
  await page.getByLabel("Password").fill(demoAccount("viewer").password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText("viewer");
});

test("after sign-in the person lands on the page they asked for", async ({ page }) => {
  await signIn(page, "admin", "/admin/api-tokens");
  await expect(page).toHaveURL(/\/admin\/api-tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});

test("the theme can be switched to dark and stays after a reload", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByLabel("Colour theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});
