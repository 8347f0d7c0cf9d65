import { resetUserTwoFactor } from "@/lib/api/account";
import { text } from "@/lib/i18n/api-messages/text";
import { route } from "@/lib/server/api/route";
import { notFound } from "@/lib/server/errors/api-error";
import { removeSecondFactor } from "@/lib/server/users/second-factor";
import { findUserById, toUserDto } from "@/lib/server/users/users";

export const DELETE = route(resetUserTwoFactor, async ({ db, params, audit }) => {
  const user = await findUserById(db, params.id);
  if (!user) throw notFound(text`No user with that id.`);
  audit.targetId = user.email;
  audit.input = { hadSecondFactor: await removeSecondFactor(db, user.id) };
  return toUserDto(user, false);
});
