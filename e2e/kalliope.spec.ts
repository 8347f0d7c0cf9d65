import { expect, test } from "@playwright/test";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";

/**
 * A viewer browses KalliopePBX call records against a simulator this spec starts on a free port; the admin
 * creates the connection through the API first.
 */

let simulator: RunningKalliopeSimulator;
const connectionId = `kalliope-${Date.now().toString(36)}`;
const yesterday = new Date(Date.now() - 86_400_000);
const YESTERDAY = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKalliopeSimulator({ port: 0, callsPerDay: 300, days: 3, dailyVariation: false });
  await addConnections(browser, [
    {
      id: connectionId,
      kind: "kalliope",
      name: `E2E calls ${connectionId}`,
      baseUrl: simulator.baseUrl,
      username: simulator.credentials.username,
      password: simulator.credentials.password,
      domain: "default",
    },
  ]);
});
test.afterAll(async () => {
  await simulator?.close();
});

test("a viewer filters by status and caller, opens a call, exports CSV, and the URL reproduces the view", async ({
  page,
}) => {
  const dayNumber = Math.floor(Date.parse(`${YESTERDAY}T00:00:00Z`) / 86_400_000);
  const known = simulator.cdr.callsForDay("default", dayNumber).map((c) => c.summary);
  const target = known.find((c) => c.status === "OK" && c.caller.length >= 6) ?? known[0];
  if (!target) throw new Error("the simulator has no calls yesterday");
  const prefix = target.caller.slice(0, 4);
  const expected = known.filter((c) => c.status === "OK" && c.caller.startsWith(prefix));

  await signIn(page, "viewer", `/kalliope/calls?connection=${connectionId}`);
  const filters = page.getByRole("form", { name: "Call filters" });
  // A bad filter is caught in the browser, in the API's words, and focus goes to the field; the URL keeps
  // the last good view. The duration is one of the filters used less, behind "More filters".
  await filters.getByRole("button", { name: "More filters" }).click();
  await filters.getByLabel("Min duration (s)").fill("-5");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(filters.getByRole("alert")).toContainText(">=0");
  await expect(filters.getByLabel("Min duration (s)")).toBeFocused();
  await expect(filters.getByLabel("Min duration (s)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).not.toHaveURL(/minDur=/);
  await filters.getByLabel("Min duration (s)").fill("");
  await filters.getByLabel("Period").selectOption("yesterday");
  await filters.getByLabel("Caller", { exact: true }).fill(prefix);
  await filters.getByLabel("Caller match").selectOption("begins");
  await filters.getByLabel("Answered", { exact: true }).check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("call-count")).toContainText(`${expected.length.toLocaleString("en")} calls`);
  await expect(page).toHaveURL(/status=OK/);
  await expect(page).toHaveURL(/callerMode=begins/);
  // What narrows the list stays in sight as chips.
  const chips = filters.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("listitem")).toHaveText([
    /^Period: Yesterday/,
    new RegExp(`^Caller: begins with ${prefix}`),
    /^Status: Answered/,
    "Remove all filters",
  ]);
  // Folding the fields used less away again leaves their count on the button.
  await filters.getByRole("button", { name: "Fewer filters" }).click();
  await expect(filters.getByLabel("Min duration (s)")).toBeHidden();
  await expect(filters.getByRole("button", { name: "More filters (1 active)" })).toBeVisible();

  await page.getByTestId("call-row").first().getByRole("button", { name: "Details" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("region", { name: "Call path" })).toBeVisible();
  await expect(dialog.getByTestId("call-step").first()).toBeVisible();
  await expect(page).toHaveURL(/call=\d+\.\d+/);
  await page.keyboard.press("Escape");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  const stream = await file.createReadStream();
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(expected.length + 1);
  await expect(page.getByTestId("export-progress")).toContainText(`Exported ${expected.length}`);

  const url = page.url();
  const again = await page.context().newPage();
  await open(again, url.replace(/^https?:\/\/[^/]+/, ""));
  await expect(again.getByTestId("call-count")).toContainText(
    `${expected.length.toLocaleString("en")} calls`,
  );
  await expect(
    again.getByRole("form", { name: "Call filters" }).getByLabel("Caller", { exact: true }),
  ).toHaveValue(prefix);
});

test("an admin sets the PBX's time zone, and the call browser shows times on that clock", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin/connections");
  const row = page.getByTestId(`connection-row-${connectionId}`);
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit E2E calls ${connectionId}` });
  const zone = edit.getByLabel("PBX time zone");
  await expect(zone).toHaveValue("UTC");
  await zone.fill("Europe/Atlantis");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("Use an IANA time zone such as Europe/Rome or UTC")).toBeVisible();
  await zone.fill("Europe/Rome");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();

  await open(page, `/kalliope/calls?connection=${connectionId}&preset=yesterday`);
  await expect(page.getByTestId("call-count")).toContainText("times are the PBX's clock (Europe/Rome)");
  // Every listed start carries its UTC offset, so an hour repeated in autumn is still one instant.
  await expect(page.getByTestId("call-row").first()).toContainText(/[+-]\d\d:\d\d/);
});
