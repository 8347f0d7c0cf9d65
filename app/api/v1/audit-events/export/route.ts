import { exportAuditEvents } from "@/lib/api/audit";
import { route } from "@/lib/server/api/route";
import { auditEventsForExport } from "@/lib/server/audit/audit-log";
import { csvResponse } from "@/lib/server/web/csv-response";

const COLUMNS = [
  "id",
  "at",
  "actor",
  "actorRole",
  "action",
  "targetConnection",
  "targetResource",
  "targetId",
  "result",
  "vendorError",
  "clientAddress",
  "userAgent",
  "requestId",
  "input",
] as const;

export const GET = route(exportAuditEvents, async ({ db, query }) => {
  async function* rows() {
    for await (const event of auditEventsForExport(db, query)) yield COLUMNS.map((column) => event[column]);
  }
  return csvResponse(`audit-${new Date().toISOString().slice(0, 10)}.csv`, COLUMNS, rows());
});
