import "server-only";
import { text, WordsPerLocale } from "@/lib/i18n/api-messages/text";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import type { Database } from "@/lib/server/db/client";
import { ApiError, validationFailed } from "@/lib/server/errors/api-error";
import { verifyPassword } from "@/lib/server/users/password-hash";
import { verifySecondFactor } from "@/lib/server/users/second-factor";
import { findUserById } from "@/lib/server/users/users";
import { claimAttempt, lockedUntil, recordFailure, recordSuccess, throttleKeys } from "./login-throttle";

/** The sign-in page's own words for the same lock, read from its catalog so the two cannot drift apart. */
const LOCKED_OUT = new WordsPerLocale({
  ...Object.fromEntries(LOCALES.map((locale) => [locale, CATALOGS[locale].auth.errors["locked-out"]])),
  en: CATALOGS.en.auth.errors["locked-out"],
});

export type IdentityProof = { password?: string; code?: string };

/**
 * A signed-in person proves again it is them before a change to how they sign in (removing the second factor,
 * new recovery codes, a new password): a stolen open session alone must not be enough. Wrong answers count
 * toward the account's sign-in lock-out, so a session cannot be used to guess the password either.
 */
export async function confirmIdentity(
  db: Database,
  person: { id: string; email: string },
  proof: IdentityProof,
  clientAddress: string | null,
): Promise<void> {
  const keys = throttleKeys(person.email, clientAddress);
  const lockedOut = new ApiError(429, "too_many_attempts", LOCKED_OUT);
  // Counted before the check, as at sign-in, so parallel guesses cannot slip past the limit.
  if (!(await claimAttempt(db, keys))) throw lockedOut;
  const user = await findUserById(db, person.id);
  const field = proof.password !== undefined ? "password" : "code";
  const proven =
    user !== undefined &&
    (proof.password !== undefined
      ? await verifyPassword(proof.password, user.passwordHash)
      : proof.code !== undefined && (await verifySecondFactor(db, user.id, proof.code)).ok);
  if (proven) {
    await recordSuccess(db, keys);
    return;
  }
  await recordFailure(db, keys);
  if (await lockedUntil(db, keys)) throw lockedOut;
  const message =
    field === "password" ? text`The password is wrong.` : text`The code is wrong, expired or already used.`;
  throw validationFailed(message, [{ field, message }]);
}
