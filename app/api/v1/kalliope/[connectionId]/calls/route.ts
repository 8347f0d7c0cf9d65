import { listCalls } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { kalliopeCdrFor } from "@/lib/server/connections/vendor-clients";
import { listCalls as list } from "@/lib/server/vendors/kalliope/cdr-query";

export const GET = route(listCalls, async ({ db, params, query }) => {
  return list(await kalliopeCdrFor(db, params.connectionId), query);
});
