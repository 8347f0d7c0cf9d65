import type { SearchKind } from "./search-vocabulary";

/**
 * Where the palette sends a found item: its list page with the item shown, through URL state the page
 * already reads, so the target is a link a person can share. Zod-free: the palette imports it.
 */
const TARGETS: Record<SearchKind, { path: string; params: (id: string) => Record<string, string> }> = {
  // The list filtered to the number (so the row is on the first page), and its edit dialog open for writers.
  extension: { path: "/kerio/extensions", params: (number) => ({ q: number, extension: number }) },
  // Vouchers have no page of their own: the list filtered to the code shows it with its status.
  voucher: { path: "/kiwire/vouchers", params: (code) => ({ q: code }) },
  hotspotUser: { path: "/kiwire/users", params: (username) => ({ user: username }) },
  // Every status: the default list shows open tickets only, and the panel opens whatever the list shows.
  ticket: { path: "/kayako/tickets", params: (ticketId) => ({ status: "all", ticket: ticketId }) },
  call: { path: "/kalliope/calls", params: (callId) => ({ call: callId }) },
};

export function searchItemHref(kind: SearchKind, connectionId: string, id: string): string {
  const target = TARGETS[kind];
  const query = new URLSearchParams({ connection: connectionId, ...target.params(id) });
  return `${target.path}?${query}`;
}
