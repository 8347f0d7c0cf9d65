import type { Permission } from "./permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

/** The sidebar. Entries are shown by the same permission table the server enforces. */
export const NAVIGATION: readonly NavSection[] = [
  {
    label: "Console",
    items: [
      { href: "/", label: "Overview", permission: "overview.read" },
      // Every role sees connections and their health; only connections.manage sees and changes settings.
      { href: "/admin/connections", label: "Connections", permission: "connections.read" },
      { href: "/api-docs", label: "API reference", permission: "overview.read" },
    ],
  },
  {
    label: "Kerio",
    items: [
      { href: "/kerio/extensions", label: "PBX extensions", permission: "extensions.read" },
      { href: "/kerio/mail-users", label: "Mail accounts", permission: "mail.read" },
      { href: "/kerio/address-groups", label: "IP address groups", permission: "firewall.read" },
    ],
  },
  {
    label: "Kiwire",
    items: [
      { href: "/kiwire/vouchers", label: "Hotspot vouchers", permission: "vouchers.read" },
      { href: "/kiwire/users", label: "Hotspot users", permission: "hotspot.read" },
      { href: "/kiwire/login-history", label: "Hotspot login history", permission: "hotspot.read" },
      { href: "/kiwire/profiles", label: "Hotspot profiles and NAS", permission: "hotspot.read" },
    ],
  },
  {
    label: "Kalliope",
    items: [{ href: "/kalliope/calls", label: "Call records", permission: "calls.read" }],
  },
  {
    label: "Kayako",
    items: [{ href: "/kayako/tickets", label: "Helpdesk tickets", permission: "tickets.read" }],
  },
  {
    label: "Admin",
    items: [
      { href: "/admin/users", label: "Users", permission: "users.manage" },
      { href: "/admin/api-tokens", label: "API tokens", permission: "tokens.manage" },
      { href: "/admin/audit", label: "Audit log", permission: "audit.read" },
    ],
  },
];
