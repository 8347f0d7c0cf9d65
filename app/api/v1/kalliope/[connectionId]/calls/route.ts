import { listCalls } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { listCalls as list } from "@/lib/server/vendors/kalliope/cdr-query";
import { kalliopeCdrFor } from "@/lib/server/vendors/kalliope/client-for";

export const GET = route(listCalls, async ({ db, params, query }) => {
  return list(await kalliopeCdrFor(db, params.connectionId), query);
});
