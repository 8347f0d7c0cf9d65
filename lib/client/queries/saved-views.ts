import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";
import type { DataTableId } from "@/lib/data-table-ids";

const root = ["saved-views"] as const;

/** The saved views a person can use; a change invalidates `all`, so the menu and the palette both follow. */
export const savedViewQueries = {
  all: root,
  /** One list's views (its Views menu), or every list's (the palette). */
  list: (table?: DataTableId) =>
    queryOptions({
      queryKey: [...root, table ?? "every-list"] as const,
      queryFn: ({ signal }) => callOperation("listSavedViews", { query: table ? { table } : {} }, { signal }),
      staleTime: 30_000,
    }),
};
