import "server-only";
import { recordAudit } from "@/lib/server/audit/audit-log";
import type { Database } from "@/lib/server/db/client";
import { logger } from "@/lib/server/logging/logger";
import { decoyHash, verifyPassword } from "@/lib/server/users/password-hash";
import { MAX_PASSWORD_LENGTH } from "@/lib/server/users/password-policy";
import { findUserByEmail, markSignedIn, normalizeEmail, upgradePasswordHash } from "@/lib/server/users/users";
import type { SignInErrorCode } from "@/lib/sign-in-errors";
import { claimAttempt, lockedUntil, recordFailure, recordSuccess, throttleKeys } from "./login-throttle";
import { secondFactorStep } from "./second-factor-sign-in";

/** RFC 5321's limit on a forward path; no account can have a longer email. */
export const MAX_EMAIL_LENGTH = 254;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; code: SignInErrorCode };

/** `code`: the second factor, a TOTP or a recovery code, on the second submit of an enrolled person. */
type SignInInput = { email: string; password: string; code?: string };
type SignInClient = { address: string | null; userAgent: string | null };

/** Counts characters (code points), without spreading a megabyte-long string to learn that it is too long. */
function longerThan(text: string, limit: number): boolean {
  return text.length > limit && (text.length > 2 * limit || [...text].length > limit);
}

/**
 * Checks a sign-in attempt. Every attempt is audited, and the answer never reveals whether an account exists.
 * Anything unexpected (the database away, a bug) is logged here and answered with a generic code, so no
 * error text reaches the sign-in page.
 */
export async function signIn(db: Database, input: SignInInput, client: SignInClient): Promise<SignInResult> {
  try {
    return await checkSignIn(db, input, client);
  } catch (error) {
    // The cause, not the query error's own text: that quotes the query's parameters.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    logger.error(
      { cause: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) },
      "[auth] sign-in failed unexpectedly",
    );
    return { ok: false, code: "sign-in-failed" };
  }
}

/**
 * In order: the lengths (before the database and scrypt see the input), the attempt counted against the
 * lock-out (before the password is checked, so parallel guesses cannot slip past it), the password, the lock
 * again (a right guess finishing after a burst locked the account does not sign in), the account state.
 */
async function checkSignIn(db: Database, input: SignInInput, client: SignInClient): Promise<SignInResult> {
  const tooLong =
    longerThan(input.email, MAX_EMAIL_LENGTH) || longerThan(input.password, MAX_PASSWORD_LENGTH);
  // PostgreSQL text cannot hold U+0000 and no account's email has one: such an attempt is a wrong email
  // (throttled and audited), not a database error.
  const email = normalizeEmail(input.email.replaceAll("\u0000", "\uFFFD"));
  const audit = (
    result: "success" | "failure" | "denied",
    reason: string | null,
    user?: { id: string; role: string },
  ) =>
    recordAudit(db, {
      actorId: user?.id ?? null,
      actorLabel: tooLong ? `${[...email].slice(0, MAX_EMAIL_LENGTH).join("")}…` : email || "(no email)",
      actorRole: user?.role ?? null,
      action: "auth.sign-in",
      result,
      vendorError: reason,
      clientAddress: client.address,
      userAgent: client.userAgent,
    });
  const refuse = async (code: SignInErrorCode, ...why: Parameters<typeof audit>): Promise<SignInResult> => {
    await audit(...why);
    return { ok: false, code };
  };

  if (tooLong) return refuse("input-too-long", "failure", "email or password too long");
  const keys = throttleKeys(email, client.address);
  if (!(await claimAttempt(db, keys))) return refuse("locked-out", "denied", "locked out");

  const user = email ? await findUserByEmail(db, email) : undefined;
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !passwordMatches) {
    await recordFailure(db, keys);
    const code = (await lockedUntil(db, keys)) ? "locked-out" : "wrong-credentials";
    return refuse(code, "failure", user ? "wrong password" : "unknown account");
  }
  if (await lockedUntil(db, keys)) return refuse("locked-out", "denied", "locked out during the check", user);
  if (user.disabledAt) return refuse("account-disabled", "denied", "account disabled", user);
  const secondFactor = await secondFactorStep(db, user, input.code, { keys, client, audit });
  if (secondFactor) return secondFactor;

  await recordSuccess(db, keys);
  await upgradePasswordHash(db, user, input.password);
  await markSignedIn(db, user.id);
  await audit("success", null, user);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}
