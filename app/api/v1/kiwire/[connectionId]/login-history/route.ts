import { listLoginHistory } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireHotspotFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listLoginHistory, async ({ db, params, query }) => {
  return (await kiwireHotspotFor(db, params.connectionId)).loginHistory(query);
});
