import { listTicketLookups } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";
import { staffIdOf } from "@/lib/server/vendors/kayako/staff-map";

export const GET = route(listTicketLookups, async ({ db, actor, params }) => {
  const kayako = await kayakoFor(db, params.connectionId);
  const [lookups, myStaffId] = await Promise.all([
    kayako.lookups(),
    // API tokens never reply (a reply needs a person's staff mapping).
    actor.kind === "user" ? staffIdOf(db, params.connectionId, actor.id) : null,
  ]);
  return { ...lookups, myStaffId };
});
