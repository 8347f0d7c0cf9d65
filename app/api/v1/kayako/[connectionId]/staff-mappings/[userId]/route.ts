import { setStaffMapping } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";
import { setStaffMapping as saveMapping } from "@/lib/server/vendors/kayako/staff-map";

export const PUT = route(setStaffMapping, async ({ db, actor, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.userId;
  const kayako = await kayakoFor(db, params.connectionId);
  const known =
    body.staffId === null ? new Set<number>() : new Set((await kayako.lookups()).staff.map((s) => s.id));
  return saveMapping(db, params.connectionId, params.userId, body.staffId, actor.label, known);
});
