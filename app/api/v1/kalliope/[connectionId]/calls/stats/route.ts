import { getCallStats } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { kalliopeCdrFor } from "@/lib/server/connections/vendor-clients";
import { callStats } from "@/lib/server/vendors/kalliope/cdr-query";

export const GET = route(getCallStats, async ({ db, params, query }) => {
  return callStats(await kalliopeCdrFor(db, params.connectionId), query);
});
