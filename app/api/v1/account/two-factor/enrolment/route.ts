import { startTwoFactorEnrolment } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { personOf, personOfEmail } from "@/lib/server/auth/account";
import { startEnrolment } from "@/lib/server/users/second-factor";

export const POST = route(startTwoFactorEnrolment, async ({ db, actor, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  return startEnrolment(db, personOfEmail(person));
});
