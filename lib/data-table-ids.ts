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

/** Column ids are the views' own identifiers (`sipUsername`, `createdAt`): letters and digits. */
export const COLUMN_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** More than any list has, so a choice is never cut; small enough that a row stays small. */
export const MAX_CHOSEN_COLUMNS = 40;
