import { confirmTwoFactorEnrolment, removeTwoFactor } from "@/lib/api/account";
import { text } from "@/lib/i18n/api-messages/text";
import { route } from "@/lib/server/api/route";
import { accountOf, personOf, personOfEmail } from "@/lib/server/auth/account";
import { confirmIdentity } from "@/lib/server/auth/reauthentication";
import { validationFailed } from "@/lib/server/errors/api-error";
import { confirmEnrolment, removeSecondFactor } from "@/lib/server/users/second-factor";
import { clientAddress } from "@/lib/server/web/request-info";

export const POST = route(confirmTwoFactorEnrolment, async ({ db, actor, body, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  const recoveryCodes = await confirmEnrolment(db, person.id, body.code);
  if (!recoveryCodes) {
    const message = text`That code does not match. Check the app shows the console's entry and its clock is right.`;
    throw validationFailed(message, [{ field: "code", message }]);
  }
  return { recoveryCodes };
});

export const DELETE = route(removeTwoFactor, async ({ db, actor, body, request, audit }) => {
  const person = personOf(actor);
  audit.targetId = person.label;
  await confirmIdentity(db, personOfEmail(person), body, clientAddress(request.headers));
  await removeSecondFactor(db, person.id);
  return accountOf(db, person.id);
});
