import { expect, test } from "@playwright/test";
import type { StaffMappingDto, TicketPageDto, TicketSummaryDto } from "@/lib/api/kayako";
import { type RunningKayakoSimulator, startKayakoSimulator } from "@/simulators/kayako/simulator";
import { seriousViolations } from "./axe";
import { asSimulatorConnection } from "./connections-setup";
import { demoAccount, signIn } from "./sign-in";

/**
 * An operator's day with helpdesk tickets, against a Kayako simulator this spec starts on a free port. The
 * admin creates the connection and maps the operator to a Kayako staff member through the API first.
 */

let simulator: RunningKayakoSimulator;
/** An older build without GetTicketCount: the list pages without a total. */
let olderBuild: RunningKayakoSimulator;
const connectionId = `help-e2e-${Date.now().toString(36)}`;
const olderConnectionId = `help-e2e-old-${Date.now().toString(36)}`;
let ticket: TicketSummaryDto;
let staffId: number;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKayakoSimulator({ port: 0, tickets: 40, staff: 4, users: 20, organizations: 3 });
  olderBuild = await startKayakoSimulator({
    port: 0,
    tickets: 150,
    staff: 4,
    users: 20,
    ticketCountRoute: false,
  });
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  for (const [id, sim] of [
    [connectionId, simulator],
    [olderConnectionId, olderBuild],
  ] as const) {
    const created = await admin.request.post("/api/v1/connections", {
      data: asSimulatorConnection({
        id,
        kind: "kayako",
        name: `E2E helpdesk ${id}`,
        baseUrl: sim.baseUrl,
        ...sim.credentials,
      }),
    });
    expect(created.status(), await created.text()).toBe(201);
  }

  const mappings = await admin.request.get(`/api/v1/kayako/${connectionId}/staff-mappings`);
  expect(mappings.status(), await mappings.text()).toBe(200);
  const operator = ((await mappings.json()) as { items: StaffMappingDto[] }).items.find(
    (m) => m.email === demoAccount("operator").email,
  );
  staffId = simulator.store.staff.find((s) => s.isEnabled === 1)?.id ?? 1;
  const mapped = await admin.request.put(
    `/api/v1/kayako/${connectionId}/staff-mappings/${operator?.userId}`,
    {
      data: { staffId },
    },
  );
  expect(mapped.status(), await mapped.text()).toBe(200);

  const open = await admin.request.get(`/api/v1/kayako/${connectionId}/tickets?status=open&pageSize=1`);
  const first = ((await open.json()) as TicketPageDto).items[0];
  if (!first) throw new Error("the simulator seeded no open ticket");
  ticket = first;
  await admin.close();
});
test.afterAll(async () => {
  await simulator?.close();
  await olderBuild?.close();
});

const ticketsPath = `/kayako/tickets?connection=${connectionId}`;

test("an operator finds a ticket, replies and closes it", async ({ page }) => {
  await signIn(page, "operator", ticketsPath);
  await expect(page.getByRole("table", { name: "Tickets" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(
    /^\d+ tickets? · page 1 of \d+/,
  );

  await page.getByRole("textbox", { name: "Search", exact: true }).fill(ticket.displayId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${ticket.displayId}`));
  const table = page.getByRole("table", { name: "Tickets" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("button", { name: ticket.subject || "(no subject)" }).click();

  const panel = page.getByRole("region", { name: "Ticket", exact: true });
  await expect(panel.getByRole("heading")).toContainText(ticket.displayId);
  const reply = `E2E reply ${Date.now().toString(36)}`;
  await panel.getByRole("textbox", { name: "Reply" }).fill(reply);
  await panel.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByRole("status")).toHaveText("Reply sent.");
  await expect(panel.getByRole("list", { name: "Conversation" })).toContainText(reply);
  const posts = simulator.store.posts(ticket.id);
  expect(posts.at(-1)?.contents).toBe(reply);
  expect(posts.at(-1)?.staffId).toBe(staffId);

  await panel.getByRole("button", { name: "Close ticket" }).click();
  await expect(panel.getByRole("status")).toHaveText("Ticket updated.");
  const status = simulator.store.statuses.find((s) => s.id === simulator.store.ticket(ticket.id)?.statusId);
  expect(status?.markAsResolved).toBe(1);
  await expect(panel.getByRole("button", { name: "Close ticket" })).toHaveCount(0);
});

test("a reply is a draft of its ticket: an empty one is caught, another ticket keeps it, and Close panel asks before dropping it", async ({
  page,
}) => {
  await signIn(page, "operator", `${ticketsPath}&status=all`);
  const table = page.getByRole("table", { name: "Tickets" });
  const subjects = table.getByRole("row").nth(1).getByRole("button");
  const others = table.getByRole("row").nth(2).getByRole("button");
  await subjects.click();
  const panel = page.getByRole("region", { name: "Ticket", exact: true });
  const replyBox = panel.getByRole("textbox", { name: "Reply" });

  await replyBox.fill("   ");
  await panel.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByText("Write a reply")).toBeVisible();
  await expect(replyBox).toBeFocused();

  const draft = `Draft ${Date.now().toString(36)}`;
  await replyBox.fill(draft);
  // Another ticket starts with an empty reply, and coming back finds the draft.
  await others.click();
  await expect(page).not.toHaveURL(new RegExp(`ticket=${ticket.id}(&|$)`));
  await expect(replyBox).toHaveValue("");
  await subjects.click();
  await expect(replyBox).toHaveValue(draft);

  await panel.getByRole("button", { name: "Close panel" }).click();
  const discard = panel.getByRole("alert").filter({ hasText: "Discard what you typed?" });
  await discard.getByRole("button", { name: "Keep editing" }).click();
  await expect(replyBox).toHaveValue(draft);
  await panel.getByRole("button", { name: "Close panel" }).click();
  await discard.getByRole("button", { name: "Discard" }).click();
  await expect(panel).toHaveCount(0);
  await subjects.click();
  await expect(replyBox).toHaveValue("");
});

test("a one-letter user search is caught in the browser", async ({ page }) => {
  await signIn(page, "viewer", ticketsPath);
  const users = page.getByRole("region", { name: "Helpdesk users" });
  await users.getByLabel("Find a user").fill("a");
  await users.getByRole("button", { name: "Search" }).click();
  await expect(users.getByText("Type at least two characters")).toBeVisible();
  await expect(users.getByLabel("Find a user")).toBeFocused();
  await expect(page).not.toHaveURL(/userQ=/);
});

test("on a helpdesk that cannot count tickets, the list says so and still pages", async ({ page }) => {
  await signIn(page, "viewer", `/kayako/tickets?connection=${olderConnectionId}`);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText("Page 1 · more tickets follow (this helpdesk does not report a total)");
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pages).toContainText(/^Page 2 · /);
  await expect(page.getByRole("table", { name: "Tickets" }).getByRole("row")).not.toHaveCount(1);
});

test("a viewer reads the ticket but has no write action, and the API refuses a reply", async ({ page }) => {
  await signIn(page, "viewer", `${ticketsPath}&status=all&ticket=${ticket.id}`);
  const panel = page.getByRole("region", { name: "Ticket", exact: true });
  await expect(panel.getByRole("heading")).toContainText(ticket.displayId);
  await expect(panel.getByRole("list", { name: "Conversation" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Send reply" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Reply as" })).toHaveCount(0);

  const refused = await page.request.post(`/api/v1/kayako/${connectionId}/tickets/${ticket.id}/replies`, {
    data: { contents: "viewer reply", isPrivate: false },
  });
  expect(refused.status()).toBe(403);
  const update = await page.request.patch(`/api/v1/kayako/${connectionId}/tickets/${ticket.id}`, {
    data: { priorityId: 1 },
  });
  expect(update.status()).toBe(403);
});

test("an admin maps themselves to a staff member on the page, which has no serious accessibility issues", async ({
  page,
}) => {
  await signIn(page, "admin", `${ticketsPath}&status=all&ticket=${ticket.id}`);
  await expect(page.getByRole("region", { name: "Ticket", exact: true }).getByRole("heading")).toContainText(
    ticket.displayId,
  );
  // Not mapped yet: the reply form says why instead of failing on send.
  await expect(page.getByText("Your account is not mapped to a Kayako staff member")).toBeVisible();
  const admin = demoAccount("admin");
  const mapping = page.getByRole("region", { name: "Reply as" });
  const row = mapping.getByRole("row").filter({ hasText: admin.email });
  await row.getByRole("combobox").selectOption(String(staffId));
  await expect(page.getByRole("button", { name: "Send reply" })).toBeVisible();
  const saved = await page.request.get(`/api/v1/kayako/${connectionId}/staff-mappings`);
  const entry = ((await saved.json()) as { items: StaffMappingDto[] }).items.find(
    (m) => m.email === admin.email,
  );
  expect(entry?.staffId).toBe(staffId);

  expect(await seriousViolations(page)).toEqual([]);
});
