import { listTimeRanges } from "@/lib/api/kerio-control";
import { route } from "@/lib/server/api/route";
import { controlAddressGroupsFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listTimeRanges, async ({ db, params }) => {
  const groups = await controlAddressGroupsFor(db, params.connectionId);
  return { items: await groups.timeRanges() };
});
