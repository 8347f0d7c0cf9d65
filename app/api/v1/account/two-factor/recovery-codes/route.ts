import { regenerateRecoveryCodes } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { personOf, personOfEmail } from "@/lib/server/auth/account";
import { confirmIdentity } from "@/lib/server/auth/reauthentication";
import { regenerateRecoveryCodes as regenerate } from "@/lib/server/users/second-factor";
import { clientAddress } from "@/lib/server/web/request-info";

export const POST = route(regenerateRecoveryCodes, async ({ db, actor, body, request, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  await confirmIdentity(db, personOfEmail(person), body, clientAddress(request.headers));
  return { recoveryCodes: await regenerate(db, person.id) };
});
