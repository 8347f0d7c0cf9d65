import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  type RunningKerioOperatorSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { seriousViolations } from "./axe";
import { addConnections } from "./connections-setup";
import { open, signIn } from "./sign-in";
import { inBothThemes, themeClass } from "./themes";

/**
 * The command palette, keyboard only: Ctrl+K opens it, it goes to a page, finds an extension by its number on
 * the PBX this spec starts and opens it, remembers it as a recent item, shows a viewer only the pages their
 * role allows, and passes axe while open, in light and dark.
 */

let simulator: RunningKerioOperatorSimulator;
const stamp = Date.now().toString(36);
const connectionId = `pbx-palette-${stamp}`;
const connectionName = `Palette PBX ${stamp}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  simulator = await startKerioOperatorSimulator({ port: 0, extensions: 30 });
  await addConnections(browser, [
    {
      id: connectionId,
      kind: "kerio-operator",
      name: connectionName,
      baseUrl: simulator.baseUrl,
      ...simulator.credentials,
    },
  ]);
});
test.afterAll(async () => {
  await simulator?.close();
});

/** A single-line extension of this spec's PBX (groups' lines share their group's number). */
const someNumber = () =>
  [...simulator.store.extensions.values()].find((extension) => extension.lines.length === 1)?.telNum ?? "";

const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const paletteInput = (page: Page) => palette(page).getByRole("combobox");

async function openPalette(page: Page) {
  await page.keyboard.press("Control+K");
  await expect(palette(page)).toBeVisible();
  await expect(paletteInput(page)).toBeFocused();
}

/** Arrow keys until `option` is the active one (other specs' connections may list items before it). */
async function moveTo(page: Page, option: Locator) {
  await expect(option).toBeVisible();
  for (let step = 0; step < 60; step++) {
    if ((await option.getAttribute("aria-selected")) === "true") return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error("the option never became active");
}

test("an operator goes to a page, finds an extension by number and opens it, and finds it again in Recent", async ({
  page,
}) => {
  await signIn(page, "operator");
  await expect(page.getByRole("button", { name: /Jump to… (Ctrl K|⌘K)/ })).toBeVisible();

  // A page, by typing part of its name.
  await openPalette(page);
  await page.keyboard.type("address gr");
  const pageOption = palette(page)
    .getByRole("group", { name: "Pages" })
    .getByRole("option", { name: /IP address groups/ });
  await moveTo(page, pageOption);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/kerio\/address-groups$/);
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "IP address groups" })).toBeVisible();

  // An extension, by its number: found on the PBX, opened in its list with the edit dialog.
  const number = someNumber();
  await openPalette(page);
  await page.keyboard.type(number);
  const group = palette(page).getByRole("group", { name: new RegExp(`Extensions · ${connectionName}`) });
  await expect(group).toHaveAccessibleName(new RegExp(`Searched extension numbers containing ${number}`));
  const found = group.getByRole("option", { name: new RegExp(`^${number}( |$)`) });
  await moveTo(page, found);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(
    new RegExp(`/kerio/extensions\\?connection=${connectionId}&q=${number}&extension=${number}`),
  );
  const edit = page.getByRole("dialog", { name: `Edit extension ${number}` });
  await expect(edit).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect(page).not.toHaveURL(/extension=/);

  // `/` jumps to the list's search; the palette opened from there returns focus there on Escape.
  await page.keyboard.press("/");
  const search = page.getByRole("textbox", { name: "Search" });
  await expect(search).toBeFocused();
  await openPalette(page);
  const recent = palette(page).getByRole("group", { name: "Recent" });
  await expect(recent.getByRole("option").first()).toHaveAccessibleName(new RegExp(`^${number}( |$)`));
  await expect(recent.getByRole("option", { name: /IP address groups/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);
  await expect(search).toBeFocused();
});

test("a viewer's palette lists only the pages the role allows, and a found extension opens without an edit dialog", async ({
  page,
}) => {
  await signIn(page, "viewer");
  await openPalette(page);
  const pages = palette(page).getByRole("group", { name: "Pages" });
  await expect(pages.getByRole("option", { name: /PBX extensions/ })).toBeVisible();
  for (const adminOnly of ["Users", "API tokens", "Audit log"])
    await expect(pages.getByRole("option", { name: new RegExp(`^${adminOnly}`) })).toHaveCount(0);

  const number = someNumber();
  await page.keyboard.type(number);
  const found = palette(page)
    .getByRole("group", { name: new RegExp(`Extensions · ${connectionName}`) })
    .getByRole("option", { name: new RegExp(`^${number}( |$)`) });
  await moveTo(page, found);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId(`extension-row-${number}`)).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("the open palette has no serious accessibility violations, in either theme", async ({ page }) => {
  await signIn(page, "operator");
  await page
    .context()
    .addCookies([{ name: "theme", value: "light", url: test.info().project.use.baseURL ?? "" }]);
  await open(page, "/");
  await expect(page.locator("html")).toHaveClass(themeClass("light"));
  await openPalette(page);
  // Switched as the theme menu does, with the palette open.
  const shown = await inBothThemes(page, "light", async (theme) => {
    expect.soft(await seriousViolations(page), `pages and recent items (${theme})`).toEqual([]);
  });
  await page.keyboard.type(someNumber());
  await expect(
    palette(page)
      .getByRole("group", { name: new RegExp(`Extensions · ${connectionName}`) })
      .getByRole("option")
      .first(),
  ).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await inBothThemes(page, shown, async (theme) => {
    expect.soft(await seriousViolations(page), `search results (${theme})`).toEqual([]);
  });
});

test("/ jumps to a list's first filter where the list has no search box (the audit log)", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin/audit");
  const actor = page.getByRole("form", { name: "Filter the audit log" }).getByLabel("Actor");
  await expect(actor).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("/");
  await expect(actor).toBeFocused();
  // Typed into a field, `/` is a character, not a shortcut.
  await page.keyboard.type("ops/");
  await expect(actor).toHaveValue("ops/");
});
