import { expect, type Page, test } from "@playwright/test";
import { NAVIGATION } from "@/lib/navigation";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * Security headers, the CSP nonce, cross-site write refusal and the theme cookie, in Chromium against the
 * production build. The server is plain HTTP on 127.0.0.1, so HTTPS is what a reverse proxy says it is.
 */

const BASELINE = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** What page.goto and request.get answer with; both expose their headers the same way. */
type HasHeaders = { headers(): Record<string, string> } | null;

function expectBaseline(response: HasHeaders, label: string) {
  const headers = response?.headers() ?? {};
  for (const [name, value] of Object.entries(BASELINE))
    expect(headers[name], `${label}: ${name}`).toBe(value);
  expect(headers["strict-transport-security"], `${label}: no HSTS over plain HTTP`).toBeUndefined();
}

function nonceOf(response: HasHeaders): string {
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  return nonce ?? "";
}

/** Collects CSP violations (the browser's event, and its console messages) from every page of a tab. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (apply|execute|load|connect|frame)/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test("every kind of response carries the security headers", async ({ page, request }) => {
  const login = await page.goto("/login");
  expectBaseline(login, "login page");
  nonceOf(login);

  const redirect = await request.get("/admin/users", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectBaseline(redirect, "redirect to login");
  expect(redirect.headers()["content-security-policy"]).toBe(API_POLICY);

  const api = await request.get("/api/v1/users");
  expect(api.status()).toBe(401);
  expectBaseline(api, "API answer");
  expect(api.headers()["content-security-policy"]).toBe(API_POLICY);

  const scriptSrc = await page.locator("script[src]").first().getAttribute("src");
  const staticFile = await request.get(scriptSrc ?? "");
  expect(staticFile.status()).toBe(200);
  expectBaseline(staticFile, "static file");

  await signIn(page, "viewer");
  const overview = await page.goto("/");
  expectBaseline(overview, "console page");
  nonceOf(overview);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  expectBaseline(missing, "404 page");
  nonceOf(missing);

  const forbidden = await page.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  expectBaseline(forbidden, "403 page");
  nonceOf(forbidden);
});

test("HSTS and upgrade-insecure-requests come only when the proxy says the browser used HTTPS", async ({
  request,
}) => {
  const viaTls = { "x-forwarded-proto": "https" };
  const login = await request.get("/login", { headers: viaTls });
  expect(login.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(login.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const api = await request.get("/api/health", { headers: viaTls });
  expect(api.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  const plain = await request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});

test("the page's scripts carry a fresh nonce, and an injected inline script does not run", async ({
  page,
}) => {
  const violations = watchViolations(page);
  const response = await open(page, "/login");
  const first = nonceOf(response);
  // Every script the server sends carries the nonce; chunks those scripts load later (a toaster, a dialog) need
  // none under 'strict-dynamic', and any violation would show in `violations`.
  const html = (await response?.text()) ?? "";
  const scriptNonces = [...html.matchAll(/<script\b[^>]*>/g)].map(
    ([tag]) => /\bnonce="([^"]*)"/.exec(tag)?.[1] ?? "",
  );
  expect(scriptNonces.length).toBeGreaterThan(1);
  expect(new Set(scriptNonces)).toEqual(new Set([first]));

  const second = nonceOf(await open(page, "/login"));
  expect(second).not.toBe(first);
  expect(violations).toEqual([]);

  // What a stored or reflected XSS would look like: markup in the server's HTML, under the real policy.
  await page.route("**/login", async (route) => {
    const original = await route.fetch();
    const injected = (await original.text()).replace(
      "</body>",
      `<script>window.injected = true</script><img src="data:," onerror="window.injectedHandler = true"></body>`,
    );
    await route.fulfill({ response: original, body: injected });
  });
  await open(page, "/login");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.join("\n")).toMatch(/script-src-elem/);
  expect(violations.join("\n")).toMatch(/script-src-attr/);
  expect(await page.evaluate(() => "injected" in window || "injectedHandler" in window)).toBe(false);
  // The page's own scripts still ran: it hydrated.
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
});

test("a cross-site write riding on the session cookie is refused and audited", async ({ page }) => {
  await signIn(page, "admin");
  const refused = await page.request.post("/api/v1/api-tokens", {
    headers: { origin: "https://evil.example" },
    data: { name: "planted by another site", role: "admin", expiresInDays: 1 },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("cross_site_request");

  const sameOrigin = await page.request.post("/api/v1/api-tokens", {
    headers: { origin: new URL(page.url()).origin },
    data: { name: "made on the console", role: "viewer", expiresInDays: 1 },
  });
  expect(sameOrigin.status()).toBe(201);

  const audit = await page.request.get("/api/v1/audit-events?action=api-tokens.create&result=denied");
  const events = (await audit.json()).items as { requestId: string; vendorError: string }[];
  expect(events.map((event) => event.requestId)).toContain(refused.headers()["x-request-id"]);
  const tokens = await (await page.request.get("/api/v1/api-tokens")).json();
  expect(JSON.stringify(tokens)).not.toContain("planted by another site");
});

test("the theme is saved in an HttpOnly cookie and rendered by the server, so it never flashes", async ({
  page,
  browser,
}) => {
  await signIn(page, "operator");
  await page.getByLabel("Colour theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);

  const cookies = await page.context().cookies();
  const theme = cookies.find((cookie) => cookie.name === "theme");
  expect(theme).toMatchObject({ value: "dark", httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(await page.evaluate(() => document.cookie)).not.toContain("theme=");

  // Without any script the page is already dark: the class comes with the HTML.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies(cookies);
  const staticPage = await noScript.newPage();
  await staticPage.goto("/");
  await expect(staticPage.locator("html")).toHaveClass("dark");
  await noScript.close();

  await page.getByLabel("Colour theme").selectOption("light");
  await expect(page.locator("html")).toHaveClass("light");
  await page.reload();
  await expect(page.locator("html")).toHaveClass("light");
  await expect(page.getByLabel("Colour theme")).toHaveValue("light");

  // Behind an HTTPS proxy the cookie is also Secure (the header stands in for the proxy).
  await page.setExtraHTTPHeaders({ "x-forwarded-proto": "https" });
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByLabel("Colour theme").selectOption("system");
  const setCookie = (await (await saved).headerValue("set-cookie")) ?? "";
  expect(setCookie).toMatch(/^theme=system;/);
  expect(setCookie).toMatch(/; Secure/i);
  expect(setCookie).toMatch(/; HttpOnly/i);
  expect(setCookie).toMatch(/; SameSite=Lax/i);
});

test.describe("no page breaks under the policy", () => {
  let simulator: RunningKiwireSimulator;
  const connectionId = `kiwire-csp-${Date.now().toString(36)}`;

  test.beforeAll(async ({ browser }) => {
    simulator = await startKiwireSimulator({ port: 0, users: 5, vouchers: 6 });
    await addConnections(browser, [
      {
        id: connectionId,
        kind: "kiwire",
        name: "CSP hotel",
        baseUrl: simulator.baseUrl,
        ...simulator.credentials,
      },
    ]);
  });
  test.afterAll(async () => {
    await simulator?.close();
  });

  test("every page an admin can open, and the print view, load with no CSP violation", async ({ page }) => {
    // Seventeen page loads and a print view in one journey: more than one page's share of the default minute
    // on a busy two-core machine.
    test.setTimeout(180_000);
    const violations = watchViolations(page);
    await open(page, "/login");
    await signIn(page, "admin");
    const paths = [
      ...NAVIGATION.flatMap((section) => section.items.map((item) => item.href)),
      "/no-such-page",
    ];
    for (const path of paths) {
      await open(page, path);
      await expect(page.locator("main")).toBeVisible();
    }
    // The print view renders its own <style> in the browser, admitted by the nonce.
    await open(page, `/kiwire/vouchers?connection=${connectionId}`);
    await page.getByLabel("Select every row on this page").check();
    await page.getByRole("button", { name: "Print selected" }).click();
    const print = page.getByRole("dialog", { name: "Print vouchers" });
    await expect(print.getByTestId("voucher-code").first()).toBeVisible();
    const printRules = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes("voucher-print-controls")),
      ),
    );
    expect(printRules, "the print stylesheet applies").toBe(true);
    expect(violations).toEqual([]);
  });
});
