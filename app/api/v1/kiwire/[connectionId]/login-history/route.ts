import { listLoginHistory } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireHotspotFor } from "@/lib/server/vendors/kiwire/client-for";

export const GET = route(listLoginHistory, async ({ db, params, query }) => {
  return (await kiwireHotspotFor(db, params.connectionId)).loginHistory(query);
});
