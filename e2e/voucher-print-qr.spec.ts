import { type Browser, expect, type Page, test } from "@playwright/test";
import { type RunningKayakoSimulator, startKayakoSimulator } from "@/simulators/kayako/simulator";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import { addConnections } from "./connections-setup";
import { signIn } from "./sign-in";

/**
 * The small things a person notices, against simulators this spec starts: an admin points the hotspot's
 * voucher QR codes at its portal (a dark-themed toast confirms it), an operator prints vouchers whose QR codes
 * carry the portal link with each code, in a print view that behaves as a dialog; and a Kayako post written
 * in HTML reads as text.
 */

let kiwire: RunningKiwireSimulator;
let kayako: RunningKayakoSimulator;
const stamp = Date.now().toString(36);
const hotspotId = `qr-hotspot-${stamp}`;
const hotspotName = `QR Hotel ${stamp}`;
const helpdeskId = `qr-help-${stamp}`;
const PORTAL = "https://portal.example.com/login?voucher={code}";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  kiwire = await startKiwireSimulator({ port: 0, users: 10, vouchers: 20 });
  kayako = await startKayakoSimulator({ port: 0, tickets: 30, staff: 3, users: 10, organizations: 2 });
  await addConnections(browser, [
    { id: hotspotId, kind: "kiwire", name: hotspotName, baseUrl: kiwire.baseUrl, ...kiwire.credentials },
    {
      id: helpdeskId,
      kind: "kayako",
      name: `QR helpdesk ${stamp}`,
      baseUrl: kayako.baseUrl,
      ...kayako.credentials,
    },
  ]);
});
test.afterAll(async () => {
  await kiwire?.close();
  await kayako?.close();
});

async function darkPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "theme", value: "dark", url: test.info().project.use.baseURL ?? "" }]);
  return context.newPage();
}

/** Relative luminance of a CSS `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

test("an admin sets the hotspot's QR codes to its portal link; the toast saying so is dark in dark mode", async ({
  browser,
}) => {
  const page = await darkPage(browser);
  await signIn(page, "admin", "/admin/connections");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const row = page.getByTestId(`connection-row-${hotspotId}`);
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${hotspotName}` });
  await edit.getByLabel("QR code on printed vouchers").selectOption("portal-url");
  // A template that is not an http(s) URL with {code} is refused in the form, in the server's words.
  await edit.getByLabel("Portal URL template").fill("ftp://portal.example.com/{code}");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("The portal URL must start with https:// or http://")).toBeVisible();
  await edit.getByLabel("Portal URL template").fill(PORTAL);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();

  const toaster = page.locator("[data-sonner-toaster]");
  await expect(toaster).toHaveAttribute("data-sonner-theme", "dark");
  const toast = toaster.locator("[data-sonner-toast]").filter({ hasText: `Saved ${hotspotName}` });
  await expect(toast).toBeVisible();
  const colours = await toast.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, text: style.color };
  });
  expect(luminance(colours.background), `toast background ${colours.background}`).toBeLessThan(0.1);
  expect(luminance(colours.text), `toast text ${colours.text}`).toBeGreaterThan(0.4);
  await page.context().close();
});

test("an operator generates and prints vouchers with QR codes holding the portal link", async ({ page }) => {
  await signIn(page, "operator", `/kiwire/vouchers?connection=${hotspotId}`);
  await page.getByRole("button", { name: "Generate vouchers" }).click();
  const generate = page.getByRole("dialog", { name: "Generate vouchers" });
  await generate.getByLabel("Prefix").fill("QR");
  await generate.getByLabel("Quantity").fill("4");
  await generate.getByLabel("Profile").selectOption("wx_temp");
  await generate.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByTestId("voucher-count")).toContainText("4 vouchers");
  const codes = [...kiwire.store.vouchers.values()]
    .filter((voucher) => voucher.username.startsWith("QR"))
    .map((voucher) => voucher.username);
  expect(codes).toHaveLength(4);

  const opener = page.getByRole("button", { name: "Print batch" });
  await opener.click();
  const print = page.getByRole("dialog", { name: "Print vouchers" });
  await expect(print).toHaveAttribute("aria-modal", "true");
  const portalLink = (code: string) => PORTAL.replace("{code}", encodeURIComponent(code));
  for (const layout of ["a4", "slip"] as const) {
    await print.getByLabel("Layout").selectOption(layout);
    const cards = print.getByTestId("voucher-card");
    await expect(cards).toHaveCount(4);
    for (const card of await cards.all()) {
      const code = (await card.getByTestId("voucher-code").textContent()) ?? "";
      await expect(
        card.getByRole("img", { name: `QR code with the portal link ${portalLink(code)}` }),
      ).toBeVisible();
    }
  }

  // Focus is in the dialog and Tab keeps it there.
  expect(await print.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  for (let press = 0; press < 8; press++) {
    await page.keyboard.press("Tab");
    expect(
      await print.evaluate((dialog) => dialog.contains(document.activeElement)),
      `Tab ${press + 1}`,
    ).toBe(true);
  }
  // Escape closes it, and focus goes back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(print).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Printing shows the sheet alone: the page around it and the dialog's own controls are hidden.
  await opener.click();
  await expect(print.getByTestId("voucher-card")).toHaveCount(4);
  await expect(print.getByRole("button", { name: "Print 4 vouchers" })).toBeEnabled();
  await page.emulateMedia({ media: "print" });
  await expect(print.getByTestId("voucher-sheet")).toBeVisible();
  await expect(print.getByRole("heading", { name: "Print vouchers" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await print.getByRole("button", { name: "Close" }).click();
  await expect(print).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("a Kayako post written in HTML reads as text, without tags", async ({ page }) => {
  const ticketId = Array.from({ length: 30 }, (_, index) => index + 1).find((id) =>
    kayako.store.posts(id).some((post) => post.isHtml === 1),
  );
  if (ticketId === undefined) throw new Error("the seeded helpdesk has no HTML post");
  const htmlPost = kayako.store.posts(ticketId).find((post) => post.isHtml === 1);
  await signIn(page, "operator", `/kayako/tickets?connection=${helpdeskId}&status=all&ticket=${ticketId}`);
  const conversation = page.getByRole("region", { name: "Ticket", exact: true }).getByRole("list", {
    name: "Conversation",
  });
  await expect(conversation.getByRole("listitem")).toHaveCount(kayako.store.posts(ticketId).length);
  const shown = (await conversation.textContent()) ?? "";
  expect(htmlPost?.contents).toContain("<p");
  expect(shown).not.toMatch(/<\/?[a-z]|&[a-z]+;/i);
  // The mail's first line, as the requester wrote it, is there as text.
  const firstLine = (htmlPost?.contents ?? "").match(/<p class="MsoNormal">([^<]+)/)?.[1] ?? "";
  expect(firstLine).not.toBe("");
  expect(shown).toContain(firstLine.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
});
