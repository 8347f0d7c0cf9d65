import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["connections"] as const;

/** Health changes in the background; whoever shows it follows without a reload. */
const HEALTH_REFRESH_MS = 30_000;

/** Vendor connections with their health, and each one's recorded exchanges (diagnostics). */
export const connectionQueries = {
  all: root,
  list: () =>
    queryOptions({
      queryKey: [...root, "list"] as const,
      queryFn: ({ signal }) => callOperation("listConnections", {}, { signal }),
      refetchInterval: HEALTH_REFRESH_MS,
    }),
  exchanges: (id: string) =>
    queryOptions({
      queryKey: [...root, "exchanges", id] as const,
      queryFn: ({ signal }) => callOperation("listConnectionExchanges", { params: { id } }, { signal }),
    }),
};
