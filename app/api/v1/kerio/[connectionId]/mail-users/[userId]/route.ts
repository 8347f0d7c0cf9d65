import { removeMailUser, updateMailUser } from "@/lib/api/kerio-connect";
import { route } from "@/lib/server/api/route";
import { connectUsersFor } from "@/lib/server/connections/vendor-clients";
import { decodeUserId } from "@/lib/server/vendors/kerio/connect-users";

export const PATCH = route(updateMailUser, async ({ db, params, body, audit }) => {
  const userId = decodeUserId(params.userId);
  audit.targetConnection = params.connectionId;
  audit.targetId = userId;
  const users = await connectUsersFor(db, params.connectionId);
  return users.update(userId, body);
});

export const DELETE = route(removeMailUser, async ({ db, params, query, audit }) => {
  const userId = decodeUserId(params.userId);
  audit.targetConnection = params.connectionId;
  audit.targetId = userId;
  const users = await connectUsersFor(db, params.connectionId);
  return users.remove(userId, query);
});
