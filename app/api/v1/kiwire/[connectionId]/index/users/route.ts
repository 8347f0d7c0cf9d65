import { refreshHotspotUserIndex } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const POST = route(refreshHotspotUserIndex, async ({ db, params, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = "users";
  return (await kiwireIndexedFor(db, params.connectionId)).refresh("user");
});
