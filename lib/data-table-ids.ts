import type { Permission } from "./permissions";

/**
 * The lists whose column choice the console remembers per person, as plain data: the column chooser (a client
 * component) names its table with one of these, and the contract (`lib/api/table-columns.ts`) accepts only
 * these, so a person cannot fill the table with preferences for lists that do not exist. Add a list's id
 * here when it gets a column chooser.
 */
export const DATA_TABLE_IDS = [
  "kerio-extensions",
  "kerio-mail-users",
  "kiwire-hotspot-users",
  "kiwire-vouchers",
  "kalliope-calls",
  "kayako-tickets",
  "admin-audit",
] as const;
export type DataTableId = (typeof DATA_TABLE_IDS)[number];

/**
 * What a person needs to read each list. A saved view of a list the person cannot read is never shown to them,
 * even when it is shared: its name and filters may say what the list holds.
 */
export const DATA_TABLE_READ_PERMISSIONS = {
  "kerio-extensions": "extensions.read",
  "kerio-mail-users": "mail.read",
  "kiwire-hotspot-users": "hotspot.read",
  "kiwire-vouchers": "vouchers.read",
  "kalliope-calls": "calls.read",
  "kayako-tickets": "tickets.read",
  "admin-audit": "audit.read",
} as const satisfies Record<DataTableId, Permission>;

/** The page of each list, where a saved view opens (from the palette, which is on every page). */
export const DATA_TABLE_PAGES = {
  "kerio-extensions": "/kerio/extensions",
  "kerio-mail-users": "/kerio/mail-users",
  "kiwire-hotspot-users": "/kiwire/users",
  "kiwire-vouchers": "/kiwire/vouchers",
  "kalliope-calls": "/kalliope/calls",
  "kayako-tickets": "/kayako/tickets",
  "admin-audit": "/admin/audit",
} as const satisfies Record<DataTableId, `/${string}`>;

/** Column ids are the views' own identifiers (`sipUsername`, `createdAt`): letters and digits. */
export const COLUMN_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** More than any list has, so a choice is never cut; small enough that a row stays small. */
export const MAX_CHOSEN_COLUMNS = 40;
