/**
 * Kayako ticket words the browser needs (sorts) as plain data, free of zod so the list view can import them
 * without shipping the schema library in its page's first load; `lib/api/kayako.ts` builds its schemas from them.
 */

export const TICKET_SORTS = ["lastActivity", "created", "id", "priority", "status", "department"] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
