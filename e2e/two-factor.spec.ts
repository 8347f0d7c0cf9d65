import { type APIRequestContext, expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/permissions";
import { test } from "./private-console";
import { open, signIn } from "./sign-in";
import { authenticatorCode } from "./totp";

/**
 * Two-factor sign-in, as people live it: enrolling from their account page with the QR code's key, signing in
 * with a code and with a recovery code, and an admin requiring it for everyone. Runs on a console of its own
 * (private-console.ts): while "everyone" is required there, the demo accounts the other specs sign in with on
 * the shared server are not sent to enrol.
 */

// Each journey signs in several people several times: more than the default minute on a loaded runner.
test.describe.configure({ timeout: 150_000 });

const stamp = Date.now().toString(36);
const PASSWORD = "a long passphrase for two-factor journeys";

/** A new console user, created by the demo admin through the API (the Admin → Users form is admin.spec's). */
async function createPerson(admin: APIRequestContext, name: string, role: Role): Promise<string> {
  const email = `${name}.${stamp}@example.com`;
  const response = await admin.post("/api/v1/users", { data: { email, name, role, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return email;
}

/** Fills the login form; answers once the console shell shows or the form says something. */
async function submitLogin(page: Page, email: string, code?: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  if (code !== undefined) await page.getByLabel("Two-factor code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Enrols through the account page as a person does; answers the key shown and the recovery codes. */
async function enrolOnAccountPage(page: Page) {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  // A code of the wrong shape is caught in the browser, in the server's words.
  await page.getByLabel("Code from the app").fill("12345");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Enter the 6-digit code the authenticator app shows")).toBeVisible();
  await expect(page.getByLabel("Code from the app")).toBeFocused();
  await page.getByLabel("Code from the app").fill(authenticatorCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await list.getByRole("listitem").allTextContents();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByRole("heading", { name: /Two-factor sign-in/ })).toContainText("on");
  return { secret, recoveryCodes };
}

test("a person enrols, then signs in with a code and with a recovery code, each used once", async ({
  browser,
}) => {
  const adminPage = await browser.newPage();
  await signIn(adminPage, "admin", "/admin/users");
  const email = await createPerson(adminPage.request, "enrolling", "operator");

  const page = await browser.newPage();
  await open(page, "/login");
  await submitLogin(page, email);
  await expect(page.getByTestId("user-role")).toHaveText("operator");
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const { secret, recoveryCodes } = await enrolOnAccountPage(page);
  await signOut(page);

  // The password alone now leads to the code field, not into the console.
  await submitLogin(page, email);
  await expect(page.getByText(/6-digit code from your authenticator app/)).toBeVisible();
  const codeField = page.getByLabel("Two-factor code");
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  // Enrolment used this step's code: the next step's (accepted within one step of drift) signs in.
  await codeField.fill(authenticatorCode(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText("operator");
  await signOut(page);

  await submitLogin(page, email);
  await page.getByLabel("Two-factor code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText("operator");
  await open(page, "/account");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
  await signOut(page);

  // A recovery code works once.
  await submitLogin(page, email);
  await page.getByLabel("Two-factor code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/wrong, expired or already used/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // Enrolment and the recovery code's use are on the record.
  await open(adminPage, `/admin/audit?actor=${encodeURIComponent(email)}`);
  const events = adminPage.getByRole("table", { name: "Audit events" });
  await expect(events).toContainText("account.two-factor.enable");
  await expect(events).toContainText("auth.recovery-code-used");
  await open(adminPage, "/admin/users");
  await expect(
    adminPage.getByTestId(`user-row-${email}`).getByRole("button", { name: "Reset two-factor" }),
  ).toBeVisible();
});

test("an admin requires two-factor sign-in for everyone; a person without it is sent to enrol first", async ({
  browser,
}) => {
  const demoAdmin = await browser.newPage();
  await signIn(demoAdmin, "admin", "/admin/users");
  const adminEmail = await createPerson(demoAdmin.request, "requiring-admin", "admin");
  const personEmail = await createPerson(demoAdmin.request, "required", "viewer");

  // The requiring admin enrols first (through the API, as the account page does), so the rule does not lock
  // them out of putting it back.
  const adminPage = await browser.newPage();
  await open(adminPage, "/login");
  await submitLogin(adminPage, adminEmail);
  await expect(adminPage.getByTestId("user-role")).toHaveText("admin");
  const started = await adminPage.request.post("/api/v1/account/two-factor/enrolment");
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await adminPage.request.post("/api/v1/account/two-factor", {
    data: { code: authenticatorCode(secret) },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);

  try {
    await open(adminPage, "/admin/users");
    const policy = adminPage.getByLabel("Two-factor sign-in required for");
    await policy.selectOption("everyone");
    await expect(adminPage.getByText("Two-factor sign-in is now required for everyone.")).toBeVisible();

    const page = await browser.newPage();
    await open(page, "/login");
    await submitLogin(page, personEmail);
    // Signed in, but every page leads to the account page until enrolment is done.
    await expect(page).toHaveURL(/\/account$/);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await expect(page.getByTestId("pending-step")).toContainText("An admin requires two-factor sign-in");
    await open(page, "/kalliope/calls");
    await expect(page).toHaveURL(/\/account$/);
    const blocked = await page.request.get("/api/v1/connections");
    expect(blocked.status()).toBe(403);
    expect(await blocked.json()).toMatchObject({ error: { code: "account_setup_required" } });

    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await enrolOnAccountPage(page);
    await page.getByRole("link", { name: "Continue to the console" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("user-role")).toHaveText("viewer");

    await open(adminPage, `/admin/audit?action=settings.`);
    await expect(adminPage.getByRole("table", { name: "Audit events" })).toContainText(adminEmail);
  } finally {
    const reset = await adminPage.request.put("/api/v1/settings/two-factor", {
      data: { required: "nobody" },
    });
    expect(reset.status(), await reset.text()).toBe(200);
  }
});
