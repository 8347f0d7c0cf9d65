import { listNas } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireHotspotFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listNas, async ({ db, params }) => {
  return { items: await (await kiwireHotspotFor(db, params.connectionId)).listNas() };
});
