import { startTwoFactorEnrolment } from "@/lib/api/account";
import { personOf, personOfEmail } from "@/lib/server/account";
import { route } from "@/lib/server/api/route";
import { startEnrolment } from "@/lib/server/auth/second-factor";

export const POST = route(startTwoFactorEnrolment, async ({ db, actor, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  return startEnrolment(db, personOfEmail(person));
});
