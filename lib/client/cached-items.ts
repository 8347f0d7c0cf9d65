import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Puts what a write answered in place of the item it changed, in every cached list under `queryKey` whose data
 * holds `items`. The lists are still fetched again after a write; until they answer, an Edit opened at once must
 * start from what the appliance or the console now holds, not from the list as it was before the save. Other
 * cached data under the key (counts, suggestions) is left as it is.
 */
export function replaceCachedItem<T extends object>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  changed: T,
  identity: (item: T) => string,
): void {
  const id = identity(changed);
  queryClient.setQueriesData({ queryKey }, (data: unknown) => {
    if (!holdsItems<T>(data) || !data.items.some((item) => identity(item) === id)) return data;
    return {
      ...data,
      items: data.items.map((item) => (identity(item) === id ? { ...item, ...changed } : item)),
    };
  });
}

function holdsItems<T>(data: unknown): data is { items: T[] } {
  return typeof data === "object" && data !== null && Array.isArray((data as { items?: unknown }).items);
}
