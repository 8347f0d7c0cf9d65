import { resetUserTwoFactor } from "@/lib/api/account";
import { notFound } from "@/lib/server/api/errors";
import { route } from "@/lib/server/api/route";
import { removeSecondFactor } from "@/lib/server/auth/second-factor";
import { findUserById, toUserDto } from "@/lib/server/users";

export const DELETE = route(resetUserTwoFactor, async ({ db, params, audit }) => {
  const user = await findUserById(db, params.id);
  if (!user) throw notFound("No user with that id.");
  audit.targetId = user.email;
  audit.input = { hadSecondFactor: await removeSecondFactor(db, user.id) };
  return toUserDto(user, false);
});
