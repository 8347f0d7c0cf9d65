import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { startKerioOperatorSimulator } from "@/simulators/kerio/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
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
  // Refused with the field named; the form keeps what was typed.
  await expect(form.getByText("Enter a full URL such as https://10.0.0.5:4021")).toBeVisible();
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

  // One click pins it; the console tests again at once.
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

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);

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
  expect(Object.keys(item).sort()).toEqual(["health", "id", "insecure", "kind", "name", "source"]);

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
