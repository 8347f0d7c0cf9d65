import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["api-tokens"] as const;

/** API tokens (never their secrets); creating or revoking one invalidates `all`. */
export const apiTokenQueries = {
  all: root,
  list: () =>
    queryOptions({
      queryKey: [...root, "list"] as const,
      queryFn: ({ signal }) => callOperation("listApiTokens", {}, { signal }),
    }),
};
