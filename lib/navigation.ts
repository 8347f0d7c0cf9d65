import type { Messages } from "./i18n/messages/catalog";
import type { Permission } from "./permissions";

export interface NavItem {
  href: string;
  /** Its name, in the `nav.pages` messages. */
  page: keyof Messages["nav"]["pages"];
  permission: Permission;
}

export interface NavSection {
  /** Its heading, in the `nav.sections` messages. */
  section: keyof Messages["nav"]["sections"];
  items: NavItem[];
}

/** The sidebar. Entries are shown by the same permission table the server enforces. */
export const NAVIGATION: readonly NavSection[] = [
  {
    section: "console",
    items: [
      { href: "/", page: "overview", permission: "overview.read" },
      // Every role sees connections and their health; only connections.manage sees and changes settings.
      { href: "/admin/connections", page: "connections", permission: "connections.read" },
      { href: "/api-docs", page: "apiDocs", permission: "overview.read" },
    ],
  },
  {
    section: "kerio",
    items: [
      { href: "/kerio/extensions", page: "extensions", permission: "extensions.read" },
      { href: "/kerio/mail-users", page: "mailUsers", permission: "mail.read" },
      { href: "/kerio/address-groups", page: "addressGroups", permission: "firewall.read" },
    ],
  },
  {
    section: "kiwire",
    items: [
      { href: "/kiwire/vouchers", page: "vouchers", permission: "vouchers.read" },
      { href: "/kiwire/users", page: "hotspotUsers", permission: "hotspot.read" },
      { href: "/kiwire/login-history", page: "loginHistory", permission: "hotspot.read" },
      { href: "/kiwire/profiles", page: "profiles", permission: "hotspot.read" },
    ],
  },
  {
    section: "kalliope",
    items: [{ href: "/kalliope/calls", page: "calls", permission: "calls.read" }],
  },
  {
    section: "kayako",
    items: [{ href: "/kayako/tickets", page: "tickets", permission: "tickets.read" }],
  },
  {
    section: "admin",
    items: [
      { href: "/admin/users", page: "users", permission: "users.manage" },
      { href: "/admin/api-tokens", page: "apiTokens", permission: "tokens.manage" },
      { href: "/admin/audit", page: "audit", permission: "audit.read" },
    ],
  },
];
