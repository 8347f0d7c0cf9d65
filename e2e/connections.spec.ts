import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { seriousViolations } from "./axe";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * The admin's journey with a vendor connection, against a Kerio Operator simulator this spec starts on a
 * free port with a self-signed certificate, as appliances have.
 */

let simulator: RunningSimulator;
const PASSWORD = `e2e-kerio-${Date.now().toString(36)}-password`;

test.beforeAll(async () => {
  simulator = await startKerioOperatorSimulator({ https: true, port: 0, extensions: 5, password: PASSWORD });
});
test.afterAll(async () => {
  await simulator?.close();
});

test("an admin adds a connection, tests it, pins the certificate, and its health turns green", async ({
  page,
}) => {
  const id = `pbx-e2e-${Date.now().toString(36)}`;
  const name = `E2E PBX ${id}`;
  await signIn(page, "admin", "/admin/connections");

  await page.getByRole("button", { name: "Add connection" }).click();
  const form = page.getByRole("dialog", { name: "Add connection" });
  await form.getByLabel("Kind").selectOption("kerio-operator");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Id (optional)").fill(id);
  await form.getByLabel("Base URL").fill("not a url");
  await form.getByLabel("User name").fill(simulator.credentials.username ?? "");
  await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await form.getByRole("button", { name: "Add connection" }).click();
  // Refused in the browser with the field named and focused; the form keeps what was typed.
  await expect(form.getByText("Enter a full URL such as https://10.0.0.5:4021")).toBeVisible();
  await expect(form.getByLabel("Base URL")).toBeFocused();
  await expect(form.getByLabel("Password", { exact: true })).toHaveValue(PASSWORD);
  await form.getByLabel("Base URL").fill(simulator.baseUrl);
  await form.getByRole("button", { name: "Add connection" }).click();

  const row = page.getByTestId(`connection-row-${id}`);
  await expect(row).toContainText(name);
  await expect(row).toContainText(simulator.baseUrl);
  await expect(row).toContainText("TLS verified");

  // Verify mode refuses the self-signed certificate and shows its fingerprint.
  await row.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByRole("dialog", { name: `Test of ${name}` });
  await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "certificate_untrusted");
  await expect(result.getByRole("alert")).toContainText("self-signed");
  await expect(result.getByTestId("certificate-fingerprint")).toHaveText(simulator.tls?.fingerprint256 ?? "");

  // Pinning changes whom the console trusts with the password, so it takes the password again; then the
  // console tests at once.
  await result.getByLabel("Password (again)").fill(PASSWORD);
  await result.getByRole("button", { name: "Pin this certificate" }).click();
  await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "ok");
  await expect(result.getByTestId("test-latency")).toHaveText(/^\d+ ms$/);
  await expect(result).toContainText("Logged in as Admin");
  await expect(result).toContainText("This connection pins this certificate.");
  await result.getByRole("button", { name: "Close" }).click();
  await expect(row.getByTestId("health-state")).toHaveAttribute("data-state", "ok");
  await expect(row).toContainText("TLS pinned");

  // Editing shows the secret as set, never its value.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByText("set", { exact: true })).toBeVisible();
  await expect(edit.getByRole("button", { name: "Replace password" })).toBeVisible();
  expect(await page.content()).not.toContain(PASSWORD);
  await edit.getByRole("button", { name: "Cancel" }).click();

  expect(await seriousViolations(page)).toEqual([]);

  // The overview shows the connection's health to everyone.
  await open(page, "/");
  await expect(page.getByTestId(`health-card-${id}`).getByTestId("health-state")).toHaveAttribute(
    "data-state",
    "ok",
  );
});

test("a viewer sees names and health only, and every write answers 403", async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  const id = `viewer-e2e-${Date.now().toString(36)}`;
  const created = await admin.request.post("/api/v1/connections", {
    data: {
      id,
      kind: "kerio-operator",
      name: "Seen by the viewer",
      baseUrl: simulator.baseUrl,
      username: "Admin",
      password: PASSWORD,
      tls: { mode: "insecure" },
    },
  });
  expect(created.status()).toBe(201);
  expect((await admin.request.post(`/api/v1/connections/${id}/test`)).status()).toBe(200);

  const page = await browser.newPage();
  await signIn(page, "viewer", "/admin/connections");
  const row = page.getByTestId(`connection-row-${id}`);
  await expect(row).toContainText("Seen by the viewer");
  await expect(row.getByTestId("health-state")).toHaveAttribute("data-state", "ok");
  await expect(row).toContainText("insecure TLS");
  await expect(page.getByRole("button", { name: "Add connection" })).toHaveCount(0);
  await expect(row.getByRole("button")).toHaveCount(0);
  const content = await page.content();
  expect(content).not.toContain(simulator.baseUrl);
  expect(content).not.toContain(PASSWORD);

  const listed = await page.request.get("/api/v1/connections");
  const item = (await listed.json()).items.find((candidate: { id: string }) => candidate.id === id);
  expect(Object.keys(item).sort()).toEqual([
    "health",
    "id",
    "insecure",
    "insecureReason",
    "kind",
    "name",
    "source",
  ]);

  const writes = [
    page.request.post("/api/v1/connections", { data: { kind: "kayako" } }),
    page.request.patch(`/api/v1/connections/${id}`, { data: { kind: "kerio-operator", name: "x" } }),
    page.request.delete(`/api/v1/connections/${id}`),
    page.request.post(`/api/v1/connections/${id}/test`),
  ];
  for (const response of await Promise.all(writes)) {
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  }
  await admin.close();
  await page.close();
});

test("an admin who moves a connection to another address is asked for its password again", async ({
  browser,
  page,
}) => {
  const id = `moved-e2e-${Date.now().toString(36)}`;
  const name = `Moved PBX ${id}`;
  await addConnections(browser, [
    {
      id,
      kind: "kerio-operator",
      name,
      baseUrl: simulator.baseUrl,
      username: "Admin",
      password: PASSWORD,
      tls: { mode: "pin", fingerprint256: simulator.tls?.fingerprint256 },
    },
  ]);
  await signIn(page, "admin", "/admin/connections");
  const row = page.getByTestId(`connection-row-${id}`);
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  // The same appliance under another name: the address changes, so the stored password must not follow.
  const moved = simulator.baseUrl.replace("127.0.0.1", "localhost");
  await edit.getByLabel("Base URL").fill(moved);
  await edit.getByRole("button", { name: "Save changes" }).click();
  const password = edit.getByLabel("New password");
  await expect(password).toBeVisible();
  await expect(edit.getByText(/Enter it again: the address changed/)).toBeVisible();
  await expect(row).toContainText(simulator.baseUrl);

  await password.fill(PASSWORD);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(moved);
  await row.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByRole("dialog", { name: `Test of ${name}` });
  await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "ok");
});

test("an admin caps the requests a connection sends at once, for an appliance that serves two", async ({
  browser,
  page,
}) => {
  // An appliance that closes every connection past two; its extensions page must work all the same.
  const small = await startKerioOperatorSimulator({
    port: 0,
    extensions: 60,
    password: PASSWORD,
    connectionLimit: { count: 2, overflow: "close" },
  });
  try {
    const id = `small-e2e-${Date.now().toString(36)}`;
    const name = `Small PBX ${id}`;
    await addConnections(browser, [
      { id, kind: "kerio-operator", name, baseUrl: small.baseUrl, username: "Admin", password: PASSWORD },
    ]);
    await signIn(page, "admin", "/admin/connections");
    const row = page.getByTestId(`connection-row-${id}`);
    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    const parallel = edit.getByLabel("Parallel requests");
    await expect(parallel).toHaveAttribute("placeholder", "16");
    await parallel.fill("0");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText("At least 1")).toBeVisible();
    await expect(parallel).toBeFocused();
    await parallel.fill("2");
    // The list is fetched again after a save; a slow answer must not show the old settings to an Edit opened at once.
    await page.route("**/api/v1/connections", async (route) => {
      if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.fallback();
    });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await row.getByRole("button", { name: "Edit" }).click();
    await expect(
      page.getByRole("dialog", { name: `Edit ${name}` }).getByLabel("Parallel requests"),
    ).toHaveValue("2");
    await page
      .getByRole("dialog", { name: `Edit ${name}` })
      .getByRole("button", { name: "Cancel" })
      .click();

    await open(page, `/kerio/extensions?connection=${id}&size=50`);
    await expect(page.getByRole("row")).toHaveCount(51);
  } finally {
    await small.close();
  }
});

test("a KalliopePBX connection needs its time zone, and its test compares the clocks", async ({ page }) => {
  const pbx = await startKalliopeSimulator({ port: 0, callsPerDay: 2, days: 1 });
  try {
    const id = `zone-e2e-${Date.now().toString(36)}`;
    const name = `Zoned PBX ${id}`;
    await signIn(page, "admin", "/admin/connections");
    await page.getByRole("button", { name: "Add connection" }).click();
    const form = page.getByRole("dialog", { name: "Add connection" });
    await form.getByLabel("Kind").selectOption("kalliope");
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Id (optional)").fill(id);
    await form.getByLabel("Base URL").fill(pbx.baseUrl);
    await form.getByLabel("User name").fill(pbx.credentials.username ?? "");
    await form.getByLabel("Password", { exact: true }).fill(pbx.credentials.password ?? "");
    await form.getByLabel("TLS", { exact: true }).selectOption("insecure");
    await form.getByRole("button", { name: "Add connection" }).click();
    await expect(form.getByText("Enter the appliance's IANA time zone, e.g. Europe/Rome")).toBeVisible();

    await form.getByLabel("PBX time zone").fill("Europe/Rome");
    await form.getByRole("button", { name: "Add connection" }).click();
    const row = page.getByTestId(`connection-row-${id}`);
    // The simulator speaks plain HTTP: flagged as such, like TLS switched off.
    await expect(row).toContainText("plain HTTP");
    await expect(row).toContainText("no TLS");

    await row.getByRole("button", { name: "Test connection" }).click();
    const result = page.getByRole("dialog", { name: `Test of ${name}` });
    await expect(result.getByTestId("test-result")).toHaveAttribute("data-outcome", "ok");
    await expect(result.getByTestId("clock-appliance")).toContainText("Europe/Rome");
    await expect(result.getByTestId("clock-skew")).toHaveText("the clocks agree");
    await expect(result.getByTestId("clock-problem")).toHaveCount(0);
  } finally {
    await pbx.close();
  }
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the client bundle holds no secret and no server-only code", () => {
  const masterKey = readFileSync(".data/e2e/connections-master-key", "utf8").trim();
  const forbidden = [
    PASSWORD,
    masterKey,
    // Demo credentials of the simulators, and markers of the vault and the connections file loader.
    "kerio-operator-demo",
    "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
    "connections-master-key",
    "CONSOLE_SECRET_KEY",
    "aes-256-gcm",
  ];
  const bundles = filesUnder(".next/static").filter((file) => /\.(js|css|json|html|txt|map)$/.test(file));
  expect(bundles.length).toBeGreaterThan(0);
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const needle of forbidden) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
  }
});
