import { deleteHotspotUser, getHotspotUser } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireHotspotFor, kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(getHotspotUser, async ({ db, params }) => {
  return (await kiwireHotspotFor(db, params.connectionId)).getUser(params.username);
});

export const DELETE = route(deleteHotspotUser, async ({ db, params, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.username;
  audit.input = { username: params.username, count: 1 };
  return (await kiwireIndexedFor(db, params.connectionId)).deleteUser(params.username);
});
