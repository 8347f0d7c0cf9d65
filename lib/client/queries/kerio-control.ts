import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["kerio-firewall"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;

/** Kerio Control address groups and time ranges. A change invalidates `connection(id)`: both refetch. */
export const firewallQueries = {
  connection: ofConnection,
  groups: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "groups"] as const,
      queryFn: ({ signal }) => callOperation("listAddressGroups", { params: { connectionId } }, { signal }),
    }),
  timeRanges: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "time-ranges"] as const,
      queryFn: ({ signal }) => callOperation("listTimeRanges", { params: { connectionId } }, { signal }),
    }),
};
