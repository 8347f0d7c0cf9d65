/** Query key factories: mutations invalidate a feature's root key and every list under it refetches. */

/**
 * For the vendor views that still read the connection list themselves, until they take the server-fed picker:
 * the same keys as `connectionQueries` (lib/client/queries/connections.ts), so an admin's change reaches them.
 */
export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
};

export const extensionKeys = {
  all: ["kerio-extensions"] as const,
  connection: (connectionId: string) => [...extensionKeys.all, connectionId] as const,
  list: (connectionId: string, state: Record<string, string | number | undefined>) =>
    [...extensionKeys.connection(connectionId), "list", state] as const,
  nextNumber: (connectionId: string) => [...extensionKeys.connection(connectionId), "next-number"] as const,
  owners: (connectionId: string) => [...extensionKeys.connection(connectionId), "owners"] as const,
};
