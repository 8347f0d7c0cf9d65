import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["kerio-extensions"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;
const listsOf = (connectionId: string) => [...ofConnection(connectionId), "list"] as const;

/**
 * Kerio Operator extensions: the keys and options every component reads them with. A write invalidates
 * `connection(id)`, so the lists, the next free number and the owners of that PBX all refetch.
 */
export const extensionQueries = {
  connection: ofConnection,
  /** Every page, sort and search of one PBX's extension list. */
  lists: listsOf,
  list: (connectionId: string, query: OperationQuery<"listExtensions">) =>
    queryOptions({
      queryKey: [...listsOf(connectionId), query] as const,
      queryFn: ({ signal }) =>
        callOperation("listExtensions", { params: { connectionId }, query }, { signal }),
      // The old page stays on screen while the next one loads, instead of a flash of the loading state.
      placeholderData: keepPreviousData,
    }),
  nextNumber: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "next-number"] as const,
      queryFn: ({ signal }) =>
        callOperation("getNextExtensionNumber", { params: { connectionId } }, { signal }),
    }),
  owners: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "owners"] as const,
      queryFn: ({ signal }) => callOperation("listExtensionOwners", { params: { connectionId } }, { signal }),
    }),
};
