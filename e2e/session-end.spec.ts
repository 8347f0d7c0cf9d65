import { expect, test } from "@playwright/test";
import { demoAccount, open, signIn } from "./sign-in";

/**
 * Sessions that end and a login page that cannot be turned against its users, in Chromium against the
 * production build: a copied cookie dies with its sign-out, the redirect after sign-in stays on the console,
 * and the page says only its own words.
 */

test("signing out ends the session for every copy of its cookie, and the page says the session ended", async ({
  page,
  browser,
}) => {
  await signIn(page, "viewer");
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name === "next-auth.session-token")).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the sign-out.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const api = await thief.request.get("/api/v1/connections");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("session_ended");
  const stolen = await thief.newPage();
  await open(stolen, "/kerio/extensions");
  await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Fkerio%2Fextensions&error=session-ended$/);
  await expect(stolen.locator("form").getByRole("alert")).toHaveText(
    "Your session has ended. Sign in again to continue.",
  );
  await thief.close();
});

test("after sign-in, a callbackUrl the browser would read as another host leads to the overview", async ({
  page,
}) => {
  const viewer = demoAccount("viewer");
  // A tab inside "/\t/evil.example" is dropped by URL parsers, leaving "//evil.example".
  for (const callbackUrl of ["/\t/evil.example", "/.//evil.example", "/\\evil.example"]) {
    // Leave the signed-in page first: once its cookie is gone, its own requests would send it to the login page
    // while this test navigates there too.
    await page.goto("about:blank");
    await page.context().clearCookies();
    await open(page, `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("user-role")).toHaveText("viewer");
    expect(page.url(), JSON.stringify(callbackUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  }
});

test("the login page shows fixed messages: never ?error= text, never a database error", async ({ page }) => {
  await open(page, "/login?error=Call%20support%20at%20%2B1%20555%200100%20now");
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Signing in did not work because of a problem on the console. Try again in a moment.",
  );
  await expect(page.getByText("Call support")).toHaveCount(0);

  // An email far over 254 characters once made the throttle's insert fail and put its SQL on the page.
  await open(page, "/login");
  await page.getByLabel("Email").fill(`${"a".repeat(3000)}@example.com`);
  await page.getByLabel("Password").fill("any password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "The email (at most 254 characters) or the password (at most 256) is too long.",
  );
  await expect(page.getByText(/insert|login_throttle|params/i)).toHaveCount(0);
});
