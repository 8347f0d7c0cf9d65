import { revokeUserSessions } from "@/lib/api/users";
import { route } from "@/lib/server/api/route";
import { revokeSessions } from "@/lib/server/users/users";

export const POST = route(revokeUserSessions, async ({ db, params, audit }) => {
  const user = await revokeSessions(db, params.id);
  audit.targetId = user.email;
  return user;
});
