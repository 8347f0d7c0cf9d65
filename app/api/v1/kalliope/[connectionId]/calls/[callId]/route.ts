import { getCall } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { kalliopeCdrFor } from "@/lib/server/connections/vendor-clients";
import { getCall as find } from "@/lib/server/vendors/kalliope/cdr-query";

export const GET = route(getCall, async ({ db, params }) => {
  return find(await kalliopeCdrFor(db, params.connectionId), params.callId);
});
