/**
 * The last places a person opened from the palette, kept in this browser only (localStorage, per user id):
 * labels and links, never anything secret. Anything unreadable in storage is treated as no history.
 */
export interface RecentItem {
  href: string;
  label: string;
  detail: string;
  /** "Page", "Extension on Main PBX": what the item is, shown beside it. */
  group: string;
}

export const MAX_RECENT_ITEMS = 8;

const keyOf = (userId: string) => `operator-console:palette-recent:${userId}`;

const isRecentItem = (value: unknown): value is RecentItem =>
  typeof value === "object" &&
  value !== null &&
  ["href", "label", "detail", "group"].every(
    (field) => typeof (value as Record<string, unknown>)[field] === "string",
  ) &&
  // Only the console's own paths: a value planted in storage cannot send the palette elsewhere.
  /^\/(?!\/)/.test((value as RecentItem).href);

export function readRecentItems(storage: Storage, userId: string): RecentItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(keyOf(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isRecentItem).slice(0, MAX_RECENT_ITEMS) : [];
  } catch {
    return [];
  }
}

/** Puts the item first, drops an older entry for the same link, keeps the newest eight. */
export function rememberRecentItem(storage: Storage, userId: string, item: RecentItem): RecentItem[] {
  const items = [item, ...readRecentItems(storage, userId).filter((old) => old.href !== item.href)].slice(
    0,
    MAX_RECENT_ITEMS,
  );
  try {
    storage.setItem(keyOf(userId), JSON.stringify(items));
  } catch {
    // Storage full or refused (private mode): the history is a convenience, the navigation goes on.
  }
  return items;
}
