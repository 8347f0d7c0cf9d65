/**
 * What a saved view holds, as zod-free constants the Views menu and the contract (`lib/api/saved-views.ts`)
 * share. A view keeps the list's URL query but not its page (a view opens on its first page) nor its
 * columns, which are kept apart so that opening a view shows them whatever the person's own choice is.
 */
export const SAVED_VIEW_UNSAVED_KEYS = ["page", "cols"] as const;
export const SAVED_VIEW_NAME_MAX = 80;
/** Longer than any list's filters make; short enough that a row stays small. */
export const SAVED_VIEW_QUERY_MAX = 2000;

/** The list's URL query as a view keeps it: without its page and columns, and without the leading `?`. */
export function savedViewQuery(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of SAVED_VIEW_UNSAVED_KEYS) params.delete(key);
  return params.toString();
}

/** Where a view opens: its list's page with the view's query and columns (`cols` even when empty). */
export function savedViewHref(page: string, view: { query: string; columns: readonly string[] }): string {
  const params = new URLSearchParams(view.query);
  params.set("cols", view.columns.join(","));
  return `${page}?${params.toString()}`;
}
