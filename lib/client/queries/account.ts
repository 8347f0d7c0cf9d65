import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["account"] as const;

/** The signed-in person's own account: what they owe (a new password, enrolment) and their second factor. */
export const accountQueries = {
  all: root,
  mine: () =>
    queryOptions({
      queryKey: [...root, "mine"] as const,
      queryFn: ({ signal }) => callOperation("getAccount", {}, { signal }),
    }),
};
