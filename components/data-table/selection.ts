/**
 * Which rows a bulk action will touch, with its scope said outright:
 * - `rows`: rows the person ticked, on any page, each kept with its data, so an action made after paging on
 *   acts on exactly those rows (not on whatever the current page shows);
 * - `matching`: every row that matches the filter the choice was made under (the count the server gave),
 *   less the rows unticked since; the action fetches them when it runs.
 * Pure: `use-selection.ts` holds it in React state.
 */
export type Selection<TRow> =
  | { scope: "rows"; rows: ReadonlyMap<string, TRow> }
  | { scope: "matching"; filterKey: string; total: number; excluded: ReadonlySet<string> };

export const NO_SELECTION: Selection<never> = { scope: "rows", rows: new Map<string, never>() };

export interface PageRow<TRow> {
  id: string;
  row: TRow;
}

/**
 * The selection as it applies under the current filter: a "every row matching" choice made under another
 * filter is no choice at all here (its count and its rows were another filter's).
 */
export function effectiveSelection<TRow>(selection: Selection<TRow>, filterKey: string): Selection<TRow> {
  return selection.scope === "matching" && selection.filterKey !== filterKey ? NO_SELECTION : selection;
}

export function selectedCount(selection: Selection<unknown>): number {
  return selection.scope === "rows" ? selection.rows.size : selection.total - selection.excluded.size;
}

export function isSelected(selection: Selection<unknown>, id: string): boolean {
  return selection.scope === "rows" ? selection.rows.has(id) : !selection.excluded.has(id);
}

/** Selected rows that the current page does not show (only a `rows` choice knows them one by one). */
export function offPageCount(selection: Selection<unknown>, pageIds: readonly string[]): number {
  const onPage = pageIds.filter((id) => isSelected(selection, id)).length;
  return selectedCount(selection) - onPage;
}

/** The header checkbox: every row of the page, some of them, or none. */
export function pageSelectionState(
  selection: Selection<unknown>,
  pageIds: readonly string[],
): "all" | "some" | "none" {
  const picked = pageIds.filter((id) => isSelected(selection, id)).length;
  if (picked === 0) return "none";
  return picked === pageIds.length ? "all" : "some";
}

export function toggleRow<TRow>(selection: Selection<TRow>, { id, row }: PageRow<TRow>): Selection<TRow> {
  if (selection.scope === "matching") {
    const excluded = new Set(selection.excluded);
    if (!excluded.delete(id)) excluded.add(id);
    return { ...selection, excluded };
  }
  const rows = new Map(selection.rows);
  if (!rows.delete(id)) rows.set(id, row);
  return { scope: "rows", rows };
}

/** Ticks every row of the page, or unticks them all when every one was ticked already. */
export function togglePage<TRow>(
  selection: Selection<TRow>,
  page: readonly PageRow<TRow>[],
): Selection<TRow> {
  const select =
    pageSelectionState(
      selection,
      page.map((item) => item.id),
    ) !== "all";
  if (selection.scope === "matching") {
    const excluded = new Set(selection.excluded);
    for (const { id } of page) {
      if (select) excluded.delete(id);
      else excluded.add(id);
    }
    return { ...selection, excluded };
  }
  const rows = new Map(selection.rows);
  for (const { id, row } of page) {
    if (select) rows.set(id, row);
    else rows.delete(id);
  }
  return { scope: "rows", rows };
}

export function selectMatching(filterKey: string, total: number): Selection<never> {
  return { scope: "matching", filterKey, total, excluded: new Set() };
}

type Outcome<TRow> = { id: string; row: TRow; status: "done" | "failed" | "skipped" };

/**
 * The selection after a bulk action. One run on the selection: what succeeded leaves it, what failed or was
 * not attempted stays ticked (as rows, whatever the scope was), so a retry acts on exactly the rest. One run
 * on rows picked otherwise (a row's own Delete): only the rows it finished leave the selection; under "every
 * matching row" they no longer match, so the count drops by them.
 */
export function settleSelection<TRow>(
  selection: Selection<TRow>,
  outcomes: readonly Outcome<TRow>[],
  ranOnSelection: boolean,
): Selection<TRow> {
  const unfinished = outcomes.filter((o) => o.status !== "done");
  if (ranOnSelection) return { scope: "rows", rows: new Map(unfinished.map((o) => [o.id, o.row] as const)) };
  const done = outcomes.filter((o) => o.status === "done");
  if (selection.scope === "matching") {
    const counted = done.filter((o) => !selection.excluded.has(o.id)).length;
    return { ...selection, total: selection.total - counted };
  }
  const rows = new Map(selection.rows);
  for (const { id } of done) rows.delete(id);
  return { scope: "rows", rows };
}

/**
 * The rows a bulk action acts on: the ticked rows, or every row matching the filter (fetched by the caller's
 * `fetchMatching`) less the unticked ones.
 */
export async function selectionTargets<TRow>(
  selection: Selection<TRow>,
  idOf: (row: TRow) => string,
  fetchMatching: (signal: AbortSignal) => Promise<readonly TRow[]>,
  signal: AbortSignal,
): Promise<TRow[]> {
  if (selection.scope === "rows") return [...selection.rows.values()];
  const matching = await fetchMatching(signal);
  return matching.filter((row) => !selection.excluded.has(idOf(row)));
}
