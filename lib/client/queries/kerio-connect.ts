import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["kerio-mail"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;

/** Kerio Connect mail domains and users. A write invalidates `connection(id)`: every list of that server refetches. */
export const mailQueries = {
  connection: ofConnection,
  domains: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "domains"] as const,
      queryFn: ({ signal }) => callOperation("listMailDomains", { params: { connectionId } }, { signal }),
    }),
  users: (connectionId: string, query: OperationQuery<"listMailUsers">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "users", query] as const,
      queryFn: ({ signal }) =>
        callOperation("listMailUsers", { params: { connectionId }, query }, { signal }),
      placeholderData: keepPreviousData,
    }),
};
