import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["audit-events"] as const;

/** The audit log, one page of one filter per key. */
export const auditQueries = {
  all: root,
  list: (query: OperationQuery<"listAuditEvents">) =>
    queryOptions({
      queryKey: [...root, "list", query] as const,
      queryFn: ({ signal }) => callOperation("listAuditEvents", { query }, { signal }),
      // The old page stays on screen while the next one loads, instead of a flash of the loading state.
      placeholderData: keepPreviousData,
    }),
};
