import "server-only";
import type { AccountDto } from "@/lib/api/account";
import { twoFactorRequiredFor } from "@/lib/second-factor";
import type { Database } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors/api-error";
import { isEnrolled, recoveryCodesLeft } from "@/lib/server/users/second-factor";
import { findUserById } from "@/lib/server/users/users";
import { setupStepOf, twoFactorRequirement } from "./account-setup";
import type { Actor } from "./actor";

/** The signed-in person behind an account operation (tokens were refused by the wrapper already). */
export type Person = Extract<Actor, { kind: "user" }>;

export function personOf(actor: Actor): Person {
  // The wrapper refuses tokens on `allowTokens: false` operations; this keeps the types honest about it.
  if (actor.kind !== "user") throw new Error("an account operation reached its handler with an API token");
  return actor;
}

export const personOfEmail = (person: Person) => ({ id: person.id, email: person.label });

export async function accountOf(db: Database, userId: string): Promise<AccountDto> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound("Your account no longer exists.");
  const [requirement, enabled, left] = await Promise.all([
    twoFactorRequirement(db),
    isEnrolled(db, userId),
    recoveryCodesLeft(db, userId),
  ]);
  const pendingStep = setupStepOf({
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    enrolled: enabled,
    requirement,
  });
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    pendingStep,
    twoFactor: { enabled, required: twoFactorRequiredFor(requirement, user.role), recoveryCodesLeft: left },
  };
}
