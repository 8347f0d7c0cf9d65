import { listStaffMappings } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";
import { listStaffMappings as mappingsOf } from "@/lib/server/vendors/kayako/staff-map";

export const GET = route(listStaffMappings, async ({ db, params }) => {
  // Resolving first answers 404 for an unknown or non-Kayako connection instead of an empty list.
  await kayakoFor(db, params.connectionId);
  return { items: await mappingsOf(db, params.connectionId) };
});
