import type { ConnectionKind } from "./connection-kinds";
import type { Permission } from "./permissions";

/**
 * What the console search (the command palette's items) can find, as plain data: the contract in
 * `lib/api/search.ts` builds its schema from these lists, without zod (the palette's names for each kind are
 * in the `palette` catalog, `kinds.<kind>`).
 */
export const SEARCH_KINDS = ["extension", "voucher", "hotspotUser", "ticket", "call"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where each kind lives and who may read it: the search asks a kind only of someone with its permission. */
export const SEARCH_KIND_SOURCES: Readonly<
  Record<SearchKind, { connectionKind: ConnectionKind; permission: Permission }>
> = {
  extension: { connectionKind: "kerio-operator", permission: "extensions.read" },
  voucher: { connectionKind: "kiwire", permission: "vouchers.read" },
  hotspotUser: { connectionKind: "kiwire", permission: "hotspot.read" },
  ticket: { connectionKind: "kayako", permission: "tickets.read" },
  call: { connectionKind: "kalliope", permission: "calls.read" },
};

/** How a source's search went: a slow or failing appliance is reported beside the others, never instead of them. */
export const SEARCH_SOURCE_STATUSES = ["ok", "failed", "timeout"] as const;
export type SearchSourceStatus = (typeof SEARCH_SOURCE_STATUSES)[number];

/** The longest a query may be (the API refuses longer ones; the palette stops typing there). */
export const SEARCH_QUERY_MAX = 100;

/** How many items each source answers at most: the palette jumps to one, the list page shows the rest. */
export const SEARCH_ITEMS_PER_SOURCE = 5;
