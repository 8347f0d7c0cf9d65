import type { AuditFilter } from "@/lib/api/audit";

/** Query key factories: mutations invalidate a feature's root key and every list under it refetches. */
export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  list: () => [...apiTokenKeys.all, "list"] as const,
};

export const auditKeys = {
  all: ["audit-events"] as const,
  list: (filter: AuditFilter, page: number, pageSize: number) =>
    [...auditKeys.all, "list", filter, page, pageSize] as const,
};

export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
  exchanges: (connectionId: string) => [...connectionKeys.all, "exchanges", connectionId] as const,
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

export const accountKeys = {
  all: ["account"] as const,
  mine: () => [...accountKeys.all, "mine"] as const,
  twoFactorPolicy: () => [...accountKeys.all, "two-factor-policy"] as const,
};
