import { getCall } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { getCall as find } from "@/lib/server/vendors/kalliope/cdr-query";
import { kalliopeCdrFor } from "@/lib/server/vendors/kalliope/client-for";

export const GET = route(getCall, async ({ db, params }) => {
  return find(await kalliopeCdrFor(db, params.connectionId), params.callId);
});
