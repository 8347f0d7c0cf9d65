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

export const accountKeys = {
  all: ["account"] as const,
  mine: () => [...accountKeys.all, "mine"] as const,
  twoFactorPolicy: () => [...accountKeys.all, "two-factor-policy"] as const,
};
