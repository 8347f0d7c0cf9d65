/**
 * Kerio Operator extension words the browser needs (sorts, call-permission levels) as plain data, free of zod
 * so the list view can import them without shipping the schema library in its page's first load;
 * `lib/api/kerio-extensions.ts` builds its schemas from them.
 */

export const EXTENSION_SORTS = ["number", "description", "sipUsername", "owner"] as const;
export type ExtensionSort = (typeof EXTENSION_SORTS)[number];

/**
 * Kerio's call-permission levels are undocumented beyond 0–3 (notes §4.2); 1 is its default. Each level's name
 * is a key of the kerio catalog's `extensions.callPermissions`, so the views say it in the person's language.
 */
export const CALL_PERMISSION_LEVELS = {
  0: "internal",
  1: "local",
  2: "national",
  3: "international",
} as const satisfies Record<number, string>;
export type CallPermissionLevel = (typeof CALL_PERMISSION_LEVELS)[keyof typeof CALL_PERMISSION_LEVELS];

export function callPermissionLevel(value: number): CallPermissionLevel | undefined {
  return Object.hasOwn(CALL_PERMISSION_LEVELS, value)
    ? CALL_PERMISSION_LEVELS[value as keyof typeof CALL_PERMISSION_LEVELS]
    : undefined;
}
