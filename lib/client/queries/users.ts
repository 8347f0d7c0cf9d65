import { queryOptions } from "@tanstack/react-query";
import { callOperation } from "@/lib/client/call-operation";

const root = ["users"] as const;

/**
 * Console users and the two-factor requirement that applies to them. A write invalidates `all`: the list and
 * the requirement both say who must do what next.
 */
export const userQueries = {
  all: root,
  list: () =>
    queryOptions({
      queryKey: [...root, "list"] as const,
      queryFn: ({ signal }) => callOperation("listUsers", {}, { signal }),
    }),
  twoFactorPolicy: () =>
    queryOptions({
      queryKey: [...root, "two-factor-policy"] as const,
      queryFn: ({ signal }) => callOperation("getTwoFactorPolicy", {}, { signal }),
    }),
};
