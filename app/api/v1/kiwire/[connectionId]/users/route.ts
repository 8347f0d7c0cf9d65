import { createHotspotUser, listHotspotUsers } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listHotspotUsers, async ({ db, params, query }) => {
  return (await kiwireIndexedFor(db, params.connectionId)).listUsers(query);
});

export const POST = route(createHotspotUser, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = body.username;
  return (await kiwireIndexedFor(db, params.connectionId)).createUser(body);
});
