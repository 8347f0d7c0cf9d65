import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";

const root = ["kiwire"] as const;
const ofConnection = (connectionId: string) => [...root, connectionId] as const;

/** Profiles and NAS change on Kiwire's own admin pages, seldom: the pickers need not ask again for a minute. */
const PICKER_STALE_MS = 60_000;

/**
 * Kiwire hotspot: the keys and options every component reads it with. A write invalidates `connection(id)`, so
 * the vouchers, users, pickers and history of that hotspot all refetch.
 */
export const kiwireQueries = {
  connection: ofConnection,
  vouchers: (connectionId: string, query: OperationQuery<"listVouchers">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "vouchers", query] as const,
      queryFn: ({ signal }) => callOperation("listVouchers", { params: { connectionId }, query }, { signal }),
      // The old page stays on screen while the next one loads, instead of a flash of the loading state.
      placeholderData: keepPreviousData,
    }),
  users: (connectionId: string, query: OperationQuery<"listHotspotUsers">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "users", query] as const,
      queryFn: ({ signal }) =>
        callOperation("listHotspotUsers", { params: { connectionId }, query }, { signal }),
      placeholderData: keepPreviousData,
    }),
  user: (connectionId: string, username: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "user", username] as const,
      queryFn: ({ signal }) =>
        callOperation("getHotspotUser", { params: { connectionId, username } }, { signal }),
    }),
  profiles: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "profiles"] as const,
      queryFn: ({ signal }) => callOperation("listHotspotProfiles", { params: { connectionId } }, { signal }),
      staleTime: PICKER_STALE_MS,
    }),
  nas: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "nas"] as const,
      queryFn: ({ signal }) => callOperation("listNas", { params: { connectionId } }, { signal }),
      staleTime: PICKER_STALE_MS,
    }),
  voucherPrintSettings: (connectionId: string) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "voucher-print-settings"] as const,
      queryFn: ({ signal }) =>
        callOperation("getVoucherPrintSettings", { params: { connectionId } }, { signal }),
    }),
  loginHistory: (connectionId: string, query: OperationQuery<"listLoginHistory">) =>
    queryOptions({
      queryKey: [...ofConnection(connectionId), "login-history", query] as const,
      queryFn: ({ signal }) =>
        callOperation("listLoginHistory", { params: { connectionId }, query }, { signal }),
      placeholderData: keepPreviousData,
    }),
};
