/** The command palette and the header button that opens it. */
export const palette = {
  launcher: "Jump to…",
  title: "Command palette",
  inputLabel: "Go to a page, or find an extension, voucher, ticket, call or hotspot user",
  placeholder: "Page, extension number, voucher code, ticket id or mask, call id, user…",
  hint: "↑ ↓ to move, Enter to open, Esc to close.",
  results: "Results",
  groups: { recent: "Recent", pages: "Pages", search: "Search" },
  /** A page's group, shown beside it among the recent items. */
  page: "Page",
  searchedNote: "Searched {what}.",
  nothingFound: "Nothing found.",
  searching: "Searching the appliances…",
  found: "{count, plural, one {# result} other {# results}}.",
  trouble: "{count, plural, one {One source} other {# sources}} did not answer.",
  noMatch:
    "No page matches. Type an extension number, a voucher code, a ticket id or mask (ABC-123-45678), a call's unique id or a hotspot user's name.",
  /** Each kind the search finds: its group's heading, and one item's group among the recent items. */
  kinds: {
    extension: { label: "Extensions", noun: "Extension" },
    voucher: { label: "Vouchers", noun: "Voucher" },
    hotspotUser: { label: "Hotspot users", noun: "Hotspot user" },
    ticket: { label: "Tickets", noun: "Ticket" },
    call: { label: "Calls", noun: "Call" },
  },
  /** What was asked of the appliance, per meaning of the query (lib/search-query.ts); the API says it in English. */
  searched: {
    extensionNumber: "extension numbers containing {value}",
    ticketId: "ticket #{value}",
    ticketMask: "ticket {value}",
    callId: "the call with unique id {value} (its day and the days beside it)",
    voucherCode: "voucher codes containing “{value}”",
    hotspotUser: "hotspot users whose name or e-mail contains “{value}”",
  },
};
