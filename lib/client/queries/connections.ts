import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["connections"] as const;

/** Health changes in the background; whoever shows it follows without a reload. */
const HEALTH_REFRESH_MS = 30_000;

/** A card's figures are live, but a minute old is fresh enough; the server shares answers for 15 s anyway. */
const SUMMARY_REFRESH_MS = 60_000;

/** Vendor connections with their health, each one's overview figures, and its recorded exchanges (diagnostics). */
export const connectionQueries = {
  all: root,
  list: () =>
    queryOptions({
      queryKey: [...root, "list"] as const,
      queryFn: ({ signal }) => callOperation("listConnections", {}, { signal }),
      refetchInterval: HEALTH_REFRESH_MS,
    }),
  summary: (id: string) =>
    queryOptions({
      queryKey: [...root, "summary", id] as const,
      queryFn: ({ signal }) => callOperation("getConnectionSummary", { params: { id } }, { signal }),
      refetchInterval: SUMMARY_REFRESH_MS,
    }),
  exchanges: (id: string) =>
    queryOptions({
      queryKey: [...root, "exchanges", id] as const,
      queryFn: ({ signal }) => callOperation("listConnectionExchanges", { params: { id } }, { signal }),
    }),
};
