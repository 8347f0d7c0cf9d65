import { expect, test } from "@playwright/test";
import {
  type RunningKerioConnectSimulator,
  type RunningKerioControlSimulator,
  startKerioConnectSimulator,
  startKerioControlSimulator,
} from "@/simulators/kerio/simulator";
import { addConnections } from "./connections-setup";
import { signIn } from "./sign-in";

/**
 * One operator journey per product (issue 9), against simulators this spec starts on free ports; the admin
 * creates both connections through the API first, as the extensions spec does.
 */

let mail: RunningKerioConnectSimulator;
let firewall: RunningKerioControlSimulator;
const stamp = Date.now().toString(36);
const MAIL_PASSWORD = `e2e-connect-${stamp}`;
const FIREWALL_PASSWORD = `e2e-control-${stamp}`;
const mailConnection = `mail-${stamp}`;
const firewallConnection = `fw-${stamp}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  mail = await startKerioConnectSimulator({
    port: 0,
    domains: 2,
    usersPerDomain: 30,
    password: MAIL_PASSWORD,
  });
  firewall = await startKerioControlSimulator({ port: 0, ipAddressEntries: 20, password: FIREWALL_PASSWORD });
  await addConnections(
    browser,
    (
      [
        [mailConnection, "kerio-connect", mail, MAIL_PASSWORD],
        [firewallConnection, "kerio-control", firewall, FIREWALL_PASSWORD],
      ] as const
    ).map(([id, kind, simulator, password]) => ({
      id,
      kind,
      name: `E2E ${kind} ${id}`,
      baseUrl: simulator.baseUrl,
      username: simulator.credentials.username,
      password,
    })),
  );
});
test.afterAll(async () => {
  await mail?.close();
  await firewall?.close();
});

test("an operator creates a mail user, meets the licence limit, disables and removes the user", async ({
  page,
}) => {
  await signIn(page, "operator", `/kerio/mail-users?connection=${mailConnection}`);
  await expect(page.getByTestId("mail-user-count")).toContainText("30 users");

  const loginName = `e2e.user.${stamp}`;
  await page.getByRole("button", { name: "New user" }).click();
  const create = page.getByRole("dialog", { name: "New user in example.com" });
  await create.getByLabel("Login name").fill(loginName);
  await create.getByLabel("Full name").fill("E2E User");
  await create.getByLabel("Password").fill("Secr3t-pass");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create).toBeHidden();

  // The licence's limit is shown on this user's form, not as a generic failure.
  mail.store.licenseUserLimit = [...mail.store.users.values()].filter((user) => user.isEnabled).length;
  await page.getByRole("button", { name: "New user" }).click();
  const second = page.getByRole("dialog", { name: "New user in example.com" });
  await second.getByLabel("Login name").fill(`e2e.over.${stamp}`);
  await second.getByLabel("Password").fill("x");
  await second.getByRole("button", { name: "Create user" }).click();
  await expect(second.getByRole("alert")).toContainText("licence's user limit is reached");
  await second.getByRole("button", { name: "Cancel" }).click();
  mail.store.licenseUserLimit = 500;

  await page.getByRole("textbox", { name: "Search" }).fill(loginName);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId(`mail-user-${loginName}`);
  await expect(row).toContainText("E2E User");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  expect([...mail.store.users.values()].find((user) => user.loginName === loginName)?.isEnabled).toBe(false);

  await row.getByRole("button", { name: "Remove" }).click();
  const remove = page.getByRole("dialog", { name: `Remove ${loginName}?` });
  await expect(remove.getByRole("button", { name: "Remove user" })).toBeDisabled();
  await remove.getByLabel(`Type ${loginName} to confirm`).fill(loginName);
  await remove.getByRole("button", { name: "Remove user" }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByText("No users match")).toBeVisible();
  expect(mail.store.removals.at(-1)).toMatchObject({ loginName, method: "UDeleteUser" });
});

test("an operator adds an address, is warned before locking himself out, and removes the address", async ({
  page,
}) => {
  await signIn(page, "operator", `/kerio/address-groups?connection=${firewallConnection}`);
  await expect(page.getByRole("region", { name: "Group Remote administration" })).toBeVisible();

  await page.getByRole("button", { name: "Add entry" }).click();
  const add = page.getByRole("dialog", { name: "Add an address group entry" });
  await add.getByLabel("Group", { exact: true }).selectOption({ label: "Blocked hosts" });
  await add.getByLabel("Address or host name").fill("192.0.2.77");
  await add.getByLabel("Description").fill("E2E block");
  await add.getByRole("button", { name: "Save, apply and confirm" }).click();
  await expect(page.getByTestId("apply-outcome")).toHaveText("Applied and confirmed.");
  expect(firewall.lastApply().status).toBe("confirmed");
  expect(firewall.store.committed.map((entry) => entry.host)).toContain("192.0.2.77");

  // Edited, then opened again before the groups are fetched anew (slowed here): the dialog shows the change.
  const blockedGroup = page.getByRole("region", { name: "Group Blocked hosts" });
  const entryRow = blockedGroup.getByRole("row").filter({ hasText: "192.0.2.77" });
  await entryRow.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit entry in Blocked hosts" });
  await edit.getByLabel("Description").fill("E2E block, edited");
  await page.route("**/address-groups", async (route) => {
    if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.fallback();
  });
  await edit.getByRole("button", { name: "Save, apply and confirm" }).click();
  await expect(page.getByTestId("apply-outcome")).toHaveText("Applied and confirmed.");
  await entryRow.getByRole("button", { name: "Edit" }).click();
  await expect(edit.getByLabel("Description")).toHaveValue("E2E block, edited");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await page.unroute("**/address-groups");

  // Removing the console's own address: Kerio's warning comes first and nothing changes on Cancel.
  const admin = page.getByRole("region", { name: "Group Remote administration" });
  await admin
    .getByRole("row")
    .filter({ hasText: "127.0.0.1" })
    .getByRole("button", { name: "Remove" })
    .click();
  await page
    .getByRole("dialog", { name: "Remove this entry?" })
    .getByRole("button", { name: "Remove" })
    .click();
  const warning = page.getByRole("dialog", { name: "You will be cut off from remote administration!" });
  await expect(warning.getByRole("alert")).toContainText("You will be cut off from remote administration!");
  await warning.getByRole("button", { name: "Cancel" }).click();
  expect(firewall.store.committed.map((entry) => entry.host)).toContain("127.0.0.1");

  const blocked = page.getByRole("region", { name: "Group Blocked hosts" });
  await blocked
    .getByRole("row")
    .filter({ hasText: "192.0.2.77" })
    .getByRole("button", { name: "Remove" })
    .click();
  await page
    .getByRole("dialog", { name: "Remove this entry?" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByTestId("apply-outcome")).toHaveText("Applied and confirmed.");
  await expect(blocked.getByRole("row").filter({ hasText: "192.0.2.77" })).toHaveCount(0);
  expect(firewall.store.committed.map((entry) => entry.host)).not.toContain("192.0.2.77");
  await expect(page.getByRole("table", { name: "Time ranges" })).toContainText("Working hours");
});
