import { changeOwnPassword } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { accountOf, personOf, personOfEmail } from "@/lib/server/auth/account";
import { changeOwnPassword as change } from "@/lib/server/auth/own-password";
import { reissuedSessionCookie } from "@/lib/server/auth/session-reissue";
import { clientAddress } from "@/lib/server/web/request-info";

export const POST = route(changeOwnPassword, async ({ db, actor, body, request, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  const sessionVersion = await change(db, personOfEmail(person), body, clientAddress(request.headers));
  const response = Response.json(await accountOf(db, person.id));
  // Every other session ended with the version bump; this one continues under the new version.
  const cookie = await reissuedSessionCookie(request.headers.get("cookie"), sessionVersion);
  if (cookie) response.headers.append("set-cookie", cookie);
  return response;
});
