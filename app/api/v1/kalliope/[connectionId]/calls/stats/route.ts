import { getCallStats } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { callStats } from "@/lib/server/vendors/kalliope/cdr-query";
import { kalliopeCdrFor } from "@/lib/server/vendors/kalliope/client-for";

export const GET = route(getCallStats, async ({ db, params, query }) => {
  return callStats(await kalliopeCdrFor(db, params.connectionId), query);
});
