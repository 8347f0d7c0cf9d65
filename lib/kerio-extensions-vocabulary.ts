/**
 * Kerio Operator extension words the browser needs (sorts, call-permission labels) as plain data, free of zod
 * so the list view can import them without shipping the schema library in its page's first load;
 * `lib/api/kerio-extensions.ts` builds its schemas from them.
 */

export const EXTENSION_SORTS = ["number", "description", "sipUsername", "owner"] as const;
export type ExtensionSort = (typeof EXTENSION_SORTS)[number];

/** Kerio's call-permission levels are undocumented beyond 0–3 (notes §4.2); 1 is its default. */
export const CALL_PERMISSION_LABELS: Record<number, string> = {
  0: "Internal only",
  1: "Local",
  2: "National",
  3: "International",
};
