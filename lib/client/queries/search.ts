import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["search"] as const;

/** The console search behind the command palette. */
export const searchQueries = {
  results: (q: string) =>
    queryOptions({
      queryKey: [...root, q] as const,
      // The signal cancels the request once the person typed on: a stale answer never lands.
      queryFn: ({ signal }) => callOperation("searchConsole", { query: { q } }, { signal }),
      // The last answer stays while the next one loads, so the list does not jump at each key.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
