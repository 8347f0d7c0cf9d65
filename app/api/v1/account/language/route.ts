import { setLanguage } from "@/lib/api/account";
import { route } from "@/lib/server/api/route";
import { accountOf, personOf } from "@/lib/server/auth/account";
import { saveLanguage } from "@/lib/server/users/language";

export const PUT = route(setLanguage, async ({ db, actor, body }) => {
  const person = personOf(actor);
  await saveLanguage(db, person.id, body.language);
  return accountOf(db, person.id);
});
