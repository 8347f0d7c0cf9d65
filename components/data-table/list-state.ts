import {
  type Nullable,
  type ParserMap,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type Values,
} from "nuqs";

/**
 * A server-paged list's state as it lives in the URL (sort, direction, page, page size, shown columns and the
 * list's own filters), so any view of a list is a link an operator can share. Pure: the hook in
 * `use-list-state.ts` only binds it to nuqs, and the tests drive it through nuqs' own loader.
 */

export type SortDirection = "asc" | "desc";
const DIRECTIONS = ["asc", "desc"] as const;

/** Keys the list state itself owns in the URL; a list's filters must use other names. */
const OWN_KEYS = ["sort", "dir", "page", "size", "cols"] as const;

export interface ListStateDefinition<
  TSort extends string,
  TColumn extends string,
  TFilters extends ParserMap,
> {
  sorts: readonly TSort[];
  defaultSort: TSort;
  defaultDirection: SortDirection;
  /** Sorts whose first press sorts descending (the newest or the longest first); the others start ascending. */
  descendingFirst?: readonly TSort[];
  pageSizes: readonly number[];
  defaultPageSize: number;
  /** The columns a person may hide, in the order the table shows them. */
  columns: readonly TColumn[];
  /** What a person who never chose sees. */
  defaultColumns: readonly TColumn[];
  /** The list's own filters (search text, status, domain...), nuqs parsers with their defaults. */
  filters: TFilters;
}

/**
 * The URL parsers of the keys the list state owns. Sort and columns are read as plain strings here and checked
 * against the model in `readListState`, which keeps these parsers of one concrete type for every list.
 */
function ownParsers(definition: {
  defaultSort: string;
  defaultDirection: SortDirection;
  defaultPageSize: number;
}) {
  return {
    sort: parseAsString.withDefault(definition.defaultSort),
    dir: parseAsStringLiteral(DIRECTIONS).withDefault(definition.defaultDirection),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(definition.defaultPageSize),
    // No default: "the link names no columns" must stay apart from "the link names these", so the person's
    // saved choice applies only to the first.
    cols: parseAsArrayOf(parseAsString),
  };
}
export type OwnParsers = ReturnType<typeof ownParsers>;
export type OwnUrlValues = Values<OwnParsers>;
export type OwnUrlPatch = Partial<Nullable<OwnUrlValues>>;

/** A definition with its URL parsers built once, at module level, beside the view that uses it. */
export type ListStateModel<
  TSort extends string,
  TColumn extends string,
  TFilters extends ParserMap,
> = Readonly<ListStateDefinition<TSort, TColumn, TFilters> & { ownParsers: OwnParsers }>;

/** What most lists share, so that a definition says only where its list differs. */
const LIST_DEFAULTS = { defaultDirection: "asc", pageSizes: [25, 50, 100], defaultPageSize: 50 } as const;

/**
 * A list's definition: the direction defaults to ascending, the page sizes to 25, 50 and 100 with 50 first, the
 * hideable columns to none, and the columns a person who never chose sees to every hideable one.
 */
export type ListStateInput<TSort extends string, TColumn extends string, TFilters extends ParserMap> = Omit<
  ListStateDefinition<TSort, TColumn, TFilters>,
  keyof typeof LIST_DEFAULTS | "columns" | "defaultColumns"
> &
  Partial<
    Pick<
      ListStateDefinition<TSort, TColumn, TFilters>,
      keyof typeof LIST_DEFAULTS | "columns" | "defaultColumns"
    >
  >;

export function defineListState<
  TSort extends string,
  TFilters extends ParserMap,
  TColumn extends string = never,
>(input: ListStateInput<TSort, TColumn, TFilters>): ListStateModel<TSort, TColumn, TFilters> {
  const columns = input.columns ?? [];
  const definition: ListStateDefinition<TSort, TColumn, TFilters> = {
    ...LIST_DEFAULTS,
    ...input,
    columns,
    defaultColumns: input.defaultColumns ?? columns,
  };
  if (!definition.pageSizes.includes(definition.defaultPageSize))
    throw new Error(`The default page size ${definition.defaultPageSize} is not one of the page sizes`);
  const clash = Object.keys(definition.filters).filter((key) =>
    (OWN_KEYS as readonly string[]).includes(key),
  );
  if (clash.length > 0)
    throw new Error(`Filters may not be named ${clash.join(", ")}: the list state uses them`);
  return { ...definition, ownParsers: ownParsers(definition) };
}

export interface ListState<TSort extends string, TColumn extends string> {
  sort: TSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
  /** The hideable columns shown, in the table's order. */
  columns: readonly TColumn[];
  /** Whether `columns` came from the link (true) or from the saved choice or the default (false). */
  columnsFromLink: boolean;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/**
 * What the list shows, from the parsed URL: a sort the list does not have is its default sort, a page below 1
 * is the first page, a page size the list does not offer is its default (a hand-edited `size=100000` must not
 * ask the appliance for everything), and the columns come from the link, else from the person's saved choice,
 * else the default (ids the list no longer has are dropped either way).
 */
export function readListState<TSort extends string, TColumn extends string>(
  model: Pick<
    ListStateDefinition<TSort, TColumn, ParserMap>,
    "sorts" | "defaultSort" | "pageSizes" | "defaultPageSize" | "columns" | "defaultColumns"
  >,
  url: OwnUrlValues,
  savedColumns: readonly string[] | null,
): ListState<TSort, TColumn> {
  const chosen: readonly string[] = url.cols ?? savedColumns ?? model.defaultColumns;
  return {
    sort: isOneOf(model.sorts, url.sort) ? url.sort : model.defaultSort,
    dir: url.dir,
    page: Math.max(1, url.page),
    pageSize: model.pageSizes.includes(url.size) ? url.size : model.defaultPageSize,
    columns: model.columns.filter((column) => chosen.includes(column)),
    columnsFromLink: url.cols !== null,
  };
}

/**
 * A press on a sortable header: another column sorts in its first direction, the sorted one flips, and the
 * list goes back to its first page (the old page number means nothing in the new order).
 */
export function sortPatch<TSort extends string>(
  current: { sort: TSort; dir: SortDirection },
  sort: TSort,
  descendingFirst: readonly TSort[] = [],
) {
  const first: SortDirection = descendingFirst.includes(sort) ? "desc" : "asc";
  const flipped: SortDirection = first === "asc" ? "desc" : "asc";
  const dir = current.sort === sort && current.dir === first ? flipped : first;
  return { sort, dir, page: null };
}

/** Shows or hides one column, keeping the table's order whatever order the clicks came in. */
export function columnsToggled<TColumn extends string>(
  all: readonly TColumn[],
  shown: readonly TColumn[],
  column: TColumn,
): TColumn[] {
  const next = shown.includes(column) ? shown.filter((c) => c !== column) : [...shown, column];
  return all.filter((c) => next.includes(c));
}

/** How many pages a total makes; an empty list still has its one (empty) page. */
export function pageCount(totalItems: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalItems / pageSize));
}

/** The list's order and page under the names every sortable list operation of the BFF takes them by. */
export function orderAndPage<TSort extends string>({
  sort,
  dir,
  page,
  pageSize,
}: Pick<ListState<TSort, string>, "sort" | "dir" | "page" | "pageSize">) {
  return { sort, dir, page, pageSize };
}
