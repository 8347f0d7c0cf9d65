/** One page of a server-paged list, as every list operation of the BFF answers it. */
export interface ListPage<TRow> {
  items: readonly TRow[];
  totalItems: number;
}

/**
 * Every row of a filtered list, page by page (for a bulk action on "every row matching the filter"). Stops at
 * the reported total or on an empty page, so a total that shrinks under the walk cannot make it loop.
 */
export async function collectPages<TRow>(
  fetchPage: (page: number) => Promise<ListPage<TRow>>,
): Promise<TRow[]> {
  const rows: TRow[] = [];
  for (let page = 1; ; page++) {
    const { items, totalItems } = await fetchPage(page);
    rows.push(...items);
    if (items.length === 0 || rows.length >= totalItems) return rows;
  }
}
