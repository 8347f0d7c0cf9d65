/**
 * Kiwire's words the browser needs (statuses, sorts) as plain data, free of zod so a list view can import them
 * without shipping the schema library in its page's first load; `lib/api/kiwire.ts` builds its schemas from them.
 */

export const KIWIRE_STATUSES = ["active", "expired", "suspended", "unknown"] as const;

export const HOTSPOT_USER_SORTS = ["username", "fullname", "createdate", "expiry"] as const;
export type KiwireStatus = (typeof KIWIRE_STATUSES)[number];
