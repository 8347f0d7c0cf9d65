import { getTwoFactorPolicy, setTwoFactorPolicy } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { setTwoFactorRequirement, twoFactorRequirement } from "@/lib/server/auth/account-setup";

export const GET = route(getTwoFactorPolicy, async ({ db }) => ({
  required: await twoFactorRequirement(db),
}));

export const PUT = route(setTwoFactorPolicy, async ({ db, actor, body }) => {
  await setTwoFactorRequirement(db, body.required, actor.label);
  return { required: body.required };
});
