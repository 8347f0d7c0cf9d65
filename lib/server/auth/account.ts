import "server-only";
import type { AccountDto } from "@/lib/api/account";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors/api-error";
import { recoveryCodesLeft } from "@/lib/server/users/second-factor";
import type { Actor } from "./actor";
import { principalOf } from "./principal";

/** The signed-in person behind an account operation (tokens were refused by the wrapper already). */
export type Person = Extract<Actor, { kind: "user" }>;

export function personOf(actor: Actor): Person {
  // The wrapper refuses tokens on `allowTokens: false` operations; this keeps the types honest about it.
  if (actor.kind !== "user") throw new Error("an account operation reached its handler with an API token");
  return actor;
}

export const personOfEmail = (person: Person) => ({ id: person.id, email: person.label });

/**
 * The account page's facts. The person, their owed step and their second factor come from the principal every
 * request already holds (kept current by auth-invalidation.ts); only the count of recovery codes is read, and
 * only for someone enrolled (removing a factor deletes its codes).
 */
export async function accountOf(db: Database, userId: string): Promise<AccountDto> {
  const person = await principalOf(db, userId);
  if (!person) throw notFound(text`Your account no longer exists.`);
  const { enabled, required } = person.twoFactor;
  return {
    email: person.email,
    name: person.name,
    role: person.role,
    pendingStep: person.setupStep,
    twoFactor: { enabled, required, recoveryCodesLeft: enabled ? await recoveryCodesLeft(db, userId) : 0 },
    language: person.language,
  };
}
