import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["kalliope-calls"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;

/**
 * KalliopePBX call records: the keys and options every component reads them with. Calls are read-only here, so
 * nothing invalidates them; `connection(id)` scopes a PBX's lists, charts and open calls together.
 */
export const callQueries = {
  connection: ofConnection,
  list: (connectionId: string, query: OperationQuery<"listCalls">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "list", query] as const,
      queryFn: ({ signal }) => callOperation("listCalls", { params: { connectionId }, query }, { signal }),
      // The old page stays on screen while the next one loads, instead of a flash of the loading state.
      placeholderData: keepPreviousData,
    }),
  stats: (connectionId: string, query: OperationQuery<"getCallStats">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "stats", query] as const,
      queryFn: ({ signal }) => callOperation("getCallStats", { params: { connectionId }, query }, { signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (connectionId: string, callId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "call", callId] as const,
      queryFn: ({ signal }) => callOperation("getCall", { params: { connectionId, callId } }, { signal }),
    }),
};
