import { readdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import type { Locale } from "@/lib/i18n/locales";
import type { Role } from "@/lib/permissions";
import type { Theme } from "@/lib/theme";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import {
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";
import { seriousViolations } from "./axe";
import { say, startOf } from "./catalog-names";
import { asSimulatorConnection } from "./connections-setup";
import { fold, unfold } from "./sections";
import { open, signIn } from "./sign-in";
import { inBothThemes, THEMES, themeClass } from "./themes";

/**
 * axe on every page of the console, in light and dark, with real data from the vendor simulators and with the
 * page's dialogs open: no serious or critical WCAG 2.1 A/AA violation anywhere. The page list is checked
 * against app/**\/page.tsx, so a new page fails this spec until it is added to PAGES. On a 1440×900 screen each
 * list's first row is above the fold. All of it in English and in Italian: the names a person reads are the
 * catalogs' (e2e/catalog-names.ts), so a page left half in English fails in Italian.
 *
 * One page load checks both themes: the page loads in one (the server renders its cookie's class), then switches
 * to the other as the theme menu does, without a reload, page and dialogs alike. A page load costs more than the
 * checks themselves.
 */

/**
 * The theme a check loads its page in, alternating from one check to the next and from one language to the
 * other, so every page is rendered by the server with each theme's cookie once.
 */
const loadedTheme = (index: number): Theme => THEMES[index % THEMES.length] ?? THEMES[0];

/** Each language with the browser language that asks for it (the demo accounts keep no language). */
const LANGUAGES = [
  { locale: "en", browserLocale: "en-US" },
  { locale: "it", browserLocale: "it-IT" },
] as const satisfies readonly { locale: Locale; browserLocale: string }[];
const stamp = Date.now().toString(36);
const id = (kind: string) => `a11y-${kind}-${stamp}`;

/** Something a person opens on the page (a form, a confirmation, a panel), checked while it is open. */
interface Opened {
  name: string;
  open(page: Page): Promise<Locator>;
  /** A modal dialog, closed with Escape before the next one opens. */
  modal: boolean;
}

/** What a person reads, in the language of the run: `n("Add user")`, or `n.startOf("Edit {name}")`. */
interface Names {
  (english: string): string;
  startOf(englishTemplate: string): RegExp;
}

const namesIn = (locale: Locale): Names =>
  Object.assign((english: string) => say(locale, english), {
    startOf: (englishTemplate: string) => startOf(locale, englishTemplate),
  });

interface PageCheck {
  role: Role | null;
  path: string;
  /** Waits until the page shows its data, not a loading state or an empty table. */
  loaded?(page: Page, n: Names): Promise<void>;
  opens?(n: Names): Opened[];
}

/** The screen the console is laid out for: a list's first rows must be on it without scrolling. */
const FIRST_SCREEN = { width: 1440, height: 900 };

const firstRow = (page: Page) => page.locator("main tbody tr").first();
/** A list's rows are in, and its first row is on the first screen, not below the filters and charts. */
const rowsShown = async (page: Page) => {
  await expect(firstRow(page)).toBeVisible();
  const box = await firstRow(page).boundingBox();
  expect(box && box.y + box.height, "the first row ends above the fold").toBeLessThanOrEqual(
    FIRST_SCREEN.height,
  );
};
/** A modal dialog opened by clicking `button`, named `title` (or the only dialog when omitted). */
const modal = (name: string, button: (page: Page) => Locator, title?: string | RegExp): Opened => ({
  name,
  modal: true,
  open: async (page) => {
    await button(page).click();
    const opened = title === undefined ? page.getByRole("dialog") : page.getByRole("dialog", { name: title });
    await expect(opened).toBeVisible();
    return opened;
  },
});
const pageButton = (name: string) => (page: Page) => page.getByRole("button", { name, exact: true });
const rowButton = (name: string) => (page: Page) => firstRow(page).getByRole("button", { name, exact: true });

const PAGES: Record<string, PageCheck> = {
  "/login": { role: null, path: "/login" },
  "/": {
    role: "admin",
    path: "/",
    // Every card's figures (or its error) are in, not their loading placeholders.
    loaded: async (page, n) => {
      await expect(page.getByTestId("connection-figures").first()).toBeVisible();
      await expect(page.getByRole("status", { name: n("Loading figures") })).toHaveCount(0);
    },
  },
  "/api-docs": { role: "admin", path: "/api-docs" },
  "/account": {
    role: "viewer",
    path: "/account",
    loaded: async (page, n) => {
      await expect(page.getByRole("heading", { name: n("Password") })).toBeVisible();
    },
    opens: (n) => [
      {
        name: "Two-factor enrolment",
        modal: false,
        open: async (page) => {
          await page.getByRole("button", { name: n("Set up two-factor sign-in") }).click();
          const section = page.getByRole("region", { name: n("Two-factor sign-in") });
          await expect(section.getByRole("img").first()).toBeVisible();
          return section;
        },
      },
    ],
  },
  "/admin/users": {
    role: "admin",
    path: "/admin/users",
    loaded: rowsShown,
    opens: (n) => [
      modal("Add user form", pageButton(n("Add user")), n("Add user")),
      modal(
        "Disable confirmation",
        (page) => page.getByRole("button", { name: n("Disable"), exact: true }).first(),
        n("Disable user"),
      ),
    ],
  },
  "/admin/api-tokens": {
    role: "admin",
    path: "/admin/api-tokens",
    loaded: rowsShown,
    opens: (n) => [
      modal("Create token form", pageButton(n("Create token"))),
      modal(
        "Revoke confirmation",
        (page) => page.getByRole("button", { name: n("Revoke"), exact: true }).first(),
        n("Revoke token"),
      ),
    ],
  },
  "/admin/audit": { role: "admin", path: "/admin/audit", loaded: rowsShown },
  "/admin/connections": {
    role: "admin",
    path: "/admin/connections",
    loaded: rowsShown,
    opens: (n) => [
      modal("Add connection form", pageButton(n("Add connection")), n("Add connection")),
      modal("Edit form", rowButton(n("Edit")), n.startOf("Edit {name}")),
    ],
  },
  "/kerio/extensions": {
    role: "operator",
    path: `/kerio/extensions?connection=${id("pbx")}`,
    loaded: rowsShown,
    opens: (n) => [
      modal("New extension form", pageButton(n("New extension")), n("New extension")),
      modal("CSV import", pageButton(n("Import CSV")), n("Import extensions")),
      modal("Delete confirmation", rowButton(n("Delete")), n.startOf("Delete extension {number}?")),
    ],
  },
  "/kerio/mail-users": {
    role: "operator",
    path: `/kerio/mail-users?connection=${id("mail")}`,
    loaded: rowsShown,
    opens: (n) => [
      modal("New user form", pageButton(n("New user")), n.startOf("New user in {domain}")),
      modal("Remove confirmation", rowButton(n("Remove")), n.startOf("Remove {login}?")),
    ],
  },
  "/kerio/address-groups": {
    role: "operator",
    path: `/kerio/address-groups?connection=${id("fw")}`,
    loaded: rowsShown,
    opens: (n) => [
      modal("Add entry form", pageButton(n("Add entry")), n("Add an address group entry")),
      modal("Remove confirmation", rowButton(n("Remove")), n("Remove this entry?")),
    ],
  },
  "/kiwire/users": {
    role: "operator",
    path: `/kiwire/users?connection=${id("hotspot")}`,
    loaded: rowsShown,
    opens: (n) => [modal("New hotspot user form", pageButton(n("New user")), n("New hotspot user"))],
  },
  "/kiwire/vouchers": {
    role: "operator",
    path: `/kiwire/vouchers?connection=${id("hotspot")}`,
    loaded: rowsShown,
    opens: (n) => [
      modal("Generate form", pageButton(n("Generate vouchers")), n("Generate vouchers")),
      modal("Delete confirmation", rowButton(n("Delete")), n.startOf("Delete voucher {code}?")),
      {
        name: "Print view with QR codes",
        modal: true,
        open: async (page) => {
          await firstRow(page).getByRole("checkbox").check();
          await page.getByRole("button", { name: n("Print selected"), exact: true }).click();
          const print = page.getByRole("dialog", { name: n("Print vouchers") });
          await expect(
            print.getByRole("img", { name: n.startOf("QR code with the voucher code {value}") }),
          ).toBeVisible();
          return print;
        },
      },
    ],
  },
  "/kiwire/profiles": {
    role: "operator",
    path: `/kiwire/profiles?connection=${id("hotspot")}`,
    loaded: rowsShown,
  },
  "/kiwire/login-history": {
    role: "operator",
    path: `/kiwire/login-history?connection=${id("hotspot")}`,
    loaded: rowsShown,
  },
  "/kalliope/calls": {
    role: "viewer",
    // Yesterday, a whole day of calls: today has next to none in the small hours, and the list is then empty.
    path: `/kalliope/calls?connection=${id("calls")}&preset=yesterday`,
    // As a person first sees it: the statistics start folded (another run of this page may have opened them
    // for the viewer, who keeps the choice).
    loaded: async (page, n) => {
      await fold(page, n("Statistics"));
      await rowsShown(page);
    },
    opens: (n) => [
      modal("Call details", rowButton(n("Details"))),
      {
        name: "Calls chart as a table",
        modal: false,
        open: async (page) => {
          // The statistics start folded, so the calls come first.
          await unfold(page, n("Statistics"));
          await page.getByRole("button", { name: n("Show as table") }).click();
          const table = page.getByRole("figure").getByRole("table");
          await expect(table).toBeVisible();
          return table;
        },
      },
    ],
  },
  "/kayako/tickets": {
    role: "operator",
    path: `/kayako/tickets?connection=${id("help")}&status=all`,
    loaded: rowsShown,
    opens: (n) => [
      {
        name: "Ticket panel",
        modal: false,
        open: async (page) => {
          await firstRow(page).getByRole("button").first().click();
          const panel = page.getByRole("region", { name: n("Ticket"), exact: true });
          await expect(panel.getByRole("heading").first()).toBeVisible();
          return panel;
        },
      },
    ],
  },
};

/** Every page route of the app: app/**\/page.tsx with route groups dropped. */
function pageRoutes(directory = "app", route = ""): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [route || "/"] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return pageRoutes(path.join(directory, entry.name), route + segment);
  });
}

test("every page of the app is in the accessibility check", () => {
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThan(10);
  expect(
    routes.filter((route) => !(route in PAGES)),
    "add these pages to PAGES",
  ).toEqual([]);
  expect(
    Object.keys(PAGES).filter((route) => !routes.includes(route)),
    "these PAGES entries are no longer pages",
  ).toEqual([]);
});

const simulators: RunningSimulator[] = [];
const storageStates = new Map<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>();

async function signedInState(browser: Browser, role: Role) {
  const page = await browser.newPage();
  await signIn(page, role);
  const state = await page.context().storageState();
  await page.close();
  return state;
}

// Not serial: a failing page must not hide the next page's violations. A fresh worker starts its own simulators.
test.describe("with data from every vendor", () => {
  test.beforeAll(async ({ browser }) => {
    const started: [string, string, Promise<RunningSimulator>, Record<string, string>?][] = [
      ["pbx", "kerio-operator", startKerioOperatorSimulator({ port: 0, extensions: 30 })],
      ["mail", "kerio-connect", startKerioConnectSimulator({ port: 0, domains: 1, usersPerDomain: 12 })],
      ["fw", "kerio-control", startKerioControlSimulator({ port: 0, ipAddressEntries: 12 })],
      ["hotspot", "kiwire", startKiwireSimulator({ port: 0, users: 20, vouchers: 20 })],
      [
        "calls",
        "kalliope",
        startKalliopeSimulator({ port: 0, callsPerDay: 100, days: 2, dailyVariation: false }),
        { domain: "default" },
      ],
      [
        "help",
        "kayako",
        startKayakoSimulator({ port: 0, tickets: 20, staff: 3, users: 10, organizations: 2 }),
      ],
    ];
    const admin = await browser.newPage();
    await signIn(admin, "admin");
    for (const [name, kind, starting, extra] of started) {
      const simulator = await starting;
      simulators.push(simulator);
      const created = await admin.request.post("/api/v1/connections", {
        data: asSimulatorConnection({
          id: id(name),
          kind,
          name: `A11y ${kind} ${stamp}`,
          baseUrl: simulator.baseUrl,
          ...simulator.credentials,
          ...extra,
        }),
      });
      expect(created.status(), await created.text()).toBe(201);
    }
    const token = await admin.request.post("/api/v1/api-tokens", {
      data: { name: `a11y script ${stamp}`, role: "viewer", expiresInDays: 1 },
    });
    expect(token.status(), await token.text()).toBe(201);
    storageStates.set("admin", await admin.context().storageState());
    await admin.close();
    for (const role of ["operator", "viewer"] as const)
      storageStates.set(role, await signedInState(browser, role));
  });
  test.afterAll(async () => {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  });

  async function themedPage(browser: Browser, role: Role | null, theme: Theme, browserLocale: string) {
    const context = await browser.newContext({
      storageState: role ? storageStates.get(role) : undefined,
      viewport: FIRST_SCREEN,
      locale: browserLocale,
    });
    await context.addCookies([{ name: "theme", value: theme, url: test.info().project.use.baseURL ?? "" }]);
    return context.newPage();
  }

  /** Loads `path` with the theme cookie of `theme`: the server renders the theme's class on <html>. */
  async function openInTheme(page: Page, path: string, theme: Theme) {
    const response = await open(page, path);
    await expect(page.locator("html"), "the server renders the theme cookie's class").toHaveClass(
      themeClass(theme),
    );
    return response;
  }

  LANGUAGES.forEach(({ locale, browserLocale }, languageIndex) => {
    const n = namesIn(locale);
    Object.entries(PAGES).forEach(([route, check], pageIndex) => {
      const loaded = loadedTheme(languageIndex + pageIndex);
      test(`${route} has no serious accessibility violations (${locale}, loaded in ${loaded})`, async ({
        browser,
      }) => {
        const page = await themedPage(browser, check.role, loaded, browserLocale);
        await openInTheme(page, check.path, loaded);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Soft: a violation in one theme must not hide the other theme's, or the dialogs'.
        let showing = await inBothThemes(page, loaded, async (theme) => {
          // Again after the switch: the data is still shown and the first row still above the fold.
          await check.loaded?.(page, n);
          await expect(page.getByRole("status", { name: n("Loading") })).toHaveCount(0);
          expect.soft(await seriousViolations(page), `${route} (${theme}, ${locale})`).toEqual([]);
        });

        for (const opened of check.opens?.(n) ?? []) {
          const shown = await opened.open(page);
          showing = await inBothThemes(page, showing, async (theme) => {
            expect
              .soft(await seriousViolations(page), `${route}: ${opened.name} (${theme}, ${locale})`)
              .toEqual([]);
          });
          if (opened.modal) {
            await page.keyboard.press("Escape");
            await expect(shown).toBeHidden();
          }
        }
        await page.context().close();
      });
    });

    const errorPages = [
      { name: "the 403 page", role: "viewer", path: "/admin/users", status: 403 },
      { name: "the 404 page", role: "operator", path: `/no-such-page-${stamp}`, status: 404 },
    ] as const satisfies readonly { name: string; role: Role; path: string; status: number }[];
    errorPages.forEach(({ name, role, path, status }, errorIndex) => {
      const loaded = loadedTheme(languageIndex + errorIndex);
      test(`${name} has no serious accessibility violations (${locale}, loaded in ${loaded})`, async ({
        browser,
      }) => {
        const page = await themedPage(browser, role, loaded, browserLocale);
        const response = await openInTheme(page, path, loaded);
        expect(response?.status()).toBe(status);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await inBothThemes(page, loaded, async (theme) => {
          expect.soft(await seriousViolations(page), `${name} (${theme}, ${locale})`).toEqual([]);
        });
        await page.context().close();
      });
    });
  });
});
