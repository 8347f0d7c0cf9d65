import { expect, test } from "@playwright/test";
import { open, signIn } from "./sign-in";

test("an admin adds a user, who can then sign in; disabling them ends their session", async ({ browser }) => {
  const adminPage = await browser.newPage();
  await signIn(adminPage, "admin", "/admin/users");
  const email = `new.operator.${Date.now()}@example.com`;

  await adminPage.getByRole("button", { name: "Add user" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "Add user" });
  // A bad email is caught in the browser, in the server's words, without a request; focus goes to the field.
  const userWrites: string[] = [];
  adminPage.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/users")
      userWrites.push(request.url());
  });
  await dialog.getByLabel("Email").fill("new.operator.example.com");
  await dialog.getByLabel("Name").fill("New Operator");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  await expect(dialog.getByLabel("Email")).toBeFocused();
  expect(userWrites).toEqual([]);
  // What was typed is not thrown away without asking.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const discard = dialog.getByRole("alert").filter({ hasText: "Discard what you typed?" });
  await discard.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog.getByLabel("Name")).toHaveValue("New Operator");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("New Operator");
  await dialog.getByLabel("Role").selectOption("operator");
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  // The password policy is the server's: its answer lands on the same field, and focus with it.
  await expect(dialog.getByText(/at least 12 characters/)).toBeVisible();
  await expect(dialog.getByLabel("Initial password")).toBeFocused();
  expect(userWrites).toHaveLength(1);
  await dialog.getByLabel("Initial password").fill("a fine long passphrase for the new operator");
  await dialog.getByRole("button", { name: "Create user" }).click();
  const row = adminPage.getByTestId(`user-row-${email}`);
  await expect(row).toBeVisible();

  const userPage = await browser.newPage();
  await open(userPage, "/login");
  await userPage.getByLabel("Email").fill(email);
  await userPage.getByLabel("Password").fill("a fine long passphrase for the new operator");
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.getByTestId("user-role")).toHaveText("operator");

  await row.getByRole("button", { name: "Disable" }).click();
  const confirm = adminPage.getByRole("dialog", { name: "Disable user" });
  await expect(confirm).toContainText(email);
  await confirm.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("disabled")).toBeVisible();

  // The page's own next request may already be taking it to the sign-in page (the session has ended), and that
  // navigation aborts a reload; either way it must end on the sign-in page.
  await userPage.reload().catch((error: Error) => {
    if (!error.message.includes("ERR_ABORTED")) throw error;
  });
  await expect(userPage).toHaveURL(/\/login/);

  // The audit log shows who did it, filtered through the URL so the view can be shared.
  await open(adminPage, `/admin/audit?action=users.&target=${encodeURIComponent(email)}`);
  const events = adminPage.getByRole("table", { name: "Audit events" });
  await expect(events.getByRole("row")).toHaveCount(3);
  await expect(events).toContainText("users.create");
  await expect(events).toContainText("users.update");
  await expect(events).toContainText("admin@demo.local");
  // The filters that narrow the view are chips, the target among them although its field is folded away.
  const chips = adminPage.getByRole("list", { name: "Active filters" });
  await expect(chips).toContainText(`Target: ${email}`);
  await chips.getByRole("button", { name: "Remove the filter Action: users." }).click();
  await expect(adminPage).not.toHaveURL(/action=/);
  await expect(adminPage).toHaveURL(/target=/);
  await expect(adminPage.getByRole("button", { name: "More filters (1 active)" })).toBeVisible();
});

test("an admin creates an API token, a script uses it, and revoking it cuts the script off", async ({
  page,
  request,
}) => {
  await signIn(page, "admin", "/admin/api-tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("e2e viewer script");
  await dialog.getByLabel("Role").selectOption("viewer");
  // Every token expires, at most after the console's maximum lifetime (365 days by default).
  const expires = dialog.getByLabel("Expires");
  await expect(expires.locator("option")).toHaveText(["30 days", "90 days", "1 year"]);
  await expires.selectOption("365");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const token = (await dialog.getByTestId("created-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^oc_/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const headers = { authorization: `Bearer ${token}` };
  const allowed = await request.get("/api/v1/openapi.json", { headers });
  expect(allowed.status()).toBe(200);
  const refused = await request.get("/api/v1/audit-events", { headers });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  // People and tokens are managed by signed-in people only, whatever the token's role.
  const people = await request.get("/api/v1/users", { headers });
  expect(people.status()).toBe(403);
  expect((await people.json()).error.code).toBe("token_not_allowed");

  const tokenRow = page.getByRole("row", { name: /e2e viewer script/ });
  await tokenRow.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click();
  await expect(tokenRow.getByText("revoked")).toBeVisible();
  expect((await request.get("/api/v1/users", { headers })).status()).toBe(401);
});

test("the audit log exports the filtered set as CSV", async ({ page }) => {
  await signIn(page, "admin", "/admin/audit?action=auth.sign-in");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const text = await (await file.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toContain("id,at,actor");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes("auth.sign-in"))).toBe(true);
});
