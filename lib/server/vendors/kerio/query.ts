import "server-only";

/**
 * The Kerio search query (kerio-notes §3, Kerio blog "How to create a search query"): built here from the
 * console's table state so no page or route ever spells a Kerio column name.
 */

/** The IDL's comparators, plus `=`: Operator's own, seen only with its SEARCH pseudo-field (notes §3, S11). */
export type KerioComparator =
  | "Eq"
  | "NotEq"
  | "LessThan"
  | "GreaterThan"
  | "LessEq"
  | "GreaterEq"
  | "Like"
  | "=";

/**
 * The quick-search spellings: the IDL's `QUICKSEARCH` with `Like` (Connect, documented), or Operator's
 * `SEARCH` with `=` (the only Operator evidence). An Operator build may know only one of them.
 */
export type SearchField = "QUICKSEARCH" | "SEARCH";

export function searchCondition(field: SearchField, text: string): KerioCondition {
  return field === "SEARCH"
    ? { fieldName: "SEARCH", comparator: "=", value: text }
    : { fieldName: "QUICKSEARCH", comparator: "Like", value: text };
}

export interface KerioCondition {
  fieldName: string;
  comparator: KerioComparator;
  /** Kerio compares strings; numbers are sent as text. */
  value: string;
}

export interface KerioQuery {
  fields?: string[];
  conditions?: KerioCondition[];
  combining?: "And" | "Or";
  orderBy?: { columnName: string; direction: "Asc" | "Desc" }[];
  start: number;
  /** -1 means "all rows". */
  limit: number;
}

export interface TableState {
  page: number;
  pageSize: number;
  /** Already mapped to the vendor's column name by the product adapter. */
  sortColumn?: string;
  sortDirection?: "asc" | "desc";
  /** The quick-search box; matched by Kerio over the product's search columns. */
  search?: string;
  /** How this appliance spells the quick search; QUICKSEARCH unless the connection learnt otherwise. */
  searchField?: SearchField;
  conditions?: KerioCondition[];
  /** How `conditions` combine (default And); the search is one more condition, so keep Or for searchless reads. */
  combining?: "And" | "Or";
}

/** Page 1-based in the console, `start` 0-based in Kerio; an empty search adds no condition. */
export function buildKerioQuery(state: TableState): KerioQuery {
  const conditions = [...(state.conditions ?? [])];
  const search = state.search?.trim();
  if (search) conditions.push(searchCondition(state.searchField ?? "QUICKSEARCH", search));
  return {
    ...(conditions.length > 0 && { conditions, combining: state.combining ?? "And" }),
    ...(state.sortColumn && {
      orderBy: [{ columnName: state.sortColumn, direction: state.sortDirection === "desc" ? "Desc" : "Asc" }],
    }),
    start: Math.max(0, (state.page - 1) * state.pageSize),
    limit: state.pageSize,
  };
}
