import { createMailUser, listMailUsers } from "@/lib/api/kerio-connect";
import { route } from "@/lib/server/api/route";
import { connectUsersFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listMailUsers, async ({ db, params, query }) => {
  const users = await connectUsersFor(db, params.connectionId);
  return users.list(query);
});

export const POST = route(createMailUser, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = body.loginName;
  const users = await connectUsersFor(db, params.connectionId);
  return users.create(body);
});
