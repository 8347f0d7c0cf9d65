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

export const ticketKeys = {
  all: ["kayako-tickets"] as const,
  connection: (connectionId: string) => [...ticketKeys.all, connectionId] as const,
  list: (connectionId: string, state: Record<string, string | number | undefined>) =>
    [...ticketKeys.connection(connectionId), "list", state] as const,
  detail: (connectionId: string, ticketId: string) =>
    [...ticketKeys.connection(connectionId), "ticket", ticketId] as const,
  lookups: (connectionId: string) => [...ticketKeys.connection(connectionId), "lookups"] as const,
  users: (connectionId: string, q: string) => [...ticketKeys.connection(connectionId), "users", q] as const,
  staffMappings: (connectionId: string) =>
    [...ticketKeys.connection(connectionId), "staff-mappings"] as const,
};

export const callKeys = {
  all: ["kalliope-calls"] as const,
  connection: (connectionId: string) => [...callKeys.all, connectionId] as const,
  list: (connectionId: string, query: string) =>
    [...callKeys.connection(connectionId), "list", query] as const,
  stats: (connectionId: string, query: string) =>
    [...callKeys.connection(connectionId), "stats", query] as const,
  detail: (connectionId: string, callId: string) =>
    [...callKeys.connection(connectionId), "call", callId] as const,
};

export const kiwireKeys = {
  all: ["kiwire"] as const,
  connection: (connectionId: string) => [...kiwireKeys.all, connectionId] as const,
  vouchers: (connectionId: string, state: Record<string, string | number | undefined>) =>
    [...kiwireKeys.connection(connectionId), "vouchers", state] as const,
  batch: (connectionId: string, batch: string) =>
    [...kiwireKeys.connection(connectionId), "batch", batch] as const,
  users: (connectionId: string, state: Record<string, string | number | undefined>) =>
    [...kiwireKeys.connection(connectionId), "users", state] as const,
  user: (connectionId: string, username: string) =>
    [...kiwireKeys.connection(connectionId), "user", username] as const,
  profiles: (connectionId: string) => [...kiwireKeys.connection(connectionId), "profiles"] as const,
  nas: (connectionId: string) => [...kiwireKeys.connection(connectionId), "nas"] as const,
  history: (connectionId: string, state: Record<string, string | number | undefined>) =>
    [...kiwireKeys.connection(connectionId), "history", state] as const,
};
