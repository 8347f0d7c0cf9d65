import { createUser, listUsers } from "@/lib/api/users";
import { route } from "@/lib/server/api/route";
import * as users from "@/lib/server/users/users";

export const GET = route(listUsers, async ({ db }) => ({ items: await users.listUsers(db) }));

export const POST = route(createUser, async ({ db, body, audit }) => {
  const user = await users.createUser(db, body);
  audit.targetId = user.email;
  return user;
});
