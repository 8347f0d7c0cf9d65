import "server-only";

/**
 * The Kerio search query (kerio-notes §3, Kerio blog "How to create a search query"): built here from the
 * console's table state so no page or route ever spells a Kerio column name.
 */

export type KerioComparator = "Eq" | "NotEq" | "LessThan" | "GreaterThan" | "LessEq" | "GreaterEq" | "Like";

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
  /** The quick-search box; matched by Kerio's QUICKSEARCH over the product's search columns. */
  search?: string;
  conditions?: KerioCondition[];
}

/** Page 1-based in the console, `start` 0-based in Kerio; an empty search adds no condition. */
export function buildKerioQuery(state: TableState): KerioQuery {
  const conditions = [...(state.conditions ?? [])];
  const search = state.search?.trim();
  if (search) conditions.push({ fieldName: "QUICKSEARCH", comparator: "Like", value: search });
  return {
    ...(conditions.length > 0 && { conditions, combining: "And" as const }),
    ...(state.sortColumn && {
      orderBy: [{ columnName: state.sortColumn, direction: state.sortDirection === "desc" ? "Desc" : "Asc" }],
    }),
    start: Math.max(0, (state.page - 1) * state.pageSize),
    limit: state.pageSize,
  };
}
