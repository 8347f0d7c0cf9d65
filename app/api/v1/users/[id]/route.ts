import { updateUser } from "@/lib/api/users";
import { route } from "@/lib/server/api/route";
import * as users from "@/lib/server/users/users";

export const PATCH = route(updateUser, async ({ db, params, body, audit }) => {
  const user = await users.updateUser(db, params.id, body);
  audit.targetId = user.email;
  return user;
});
