import { listAuditEvents } from "@/lib/api/audit";
import { route } from "@/lib/server/api/route";
import * as auditLog from "@/lib/server/audit/audit-log";

export const GET = route(listAuditEvents, async ({ db, query: { page, pageSize, ...filter } }) =>
  auditLog.listAuditEvents(db, filter, page, pageSize),
);
