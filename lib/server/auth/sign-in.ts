import "server-only";
import { recordAudit } from "@/lib/server/audit/audit-log";
import type { Database } from "@/lib/server/db/client";
import { findUserByEmail, markSignedIn, normalizeEmail } from "@/lib/server/users";
import { lockedUntil, recordFailure, recordSuccess, retryMessage, throttleKeys } from "./login-throttle";
import { decoyHash, verifyPassword } from "./password-hash";
import { type SecondFactorRefusal, secondFactorStep } from "./second-factor-sign-in";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; message: string }
  | SecondFactorRefusal;

const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Checks a sign-in attempt: lock-out first (so a locked account cannot be probed), then the password, then
 * the account state. Every attempt is audited. The messages never reveal whether an account exists.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; code?: string },
  client: { address: string | null; userAgent: string | null },
): Promise<SignInResult> {
  // PostgreSQL text cannot hold U+0000 and no account's email has one: such an attempt is a wrong email
  // (throttled and audited), not a database error whose SQL next-auth would show on the sign-in page.
  const email = normalizeEmail(input.email.replaceAll("\u0000", "\uFFFD"));
  const keys = throttleKeys(email, client.address);
  const audit = (
    result: "success" | "failure" | "denied",
    reason: string | null,
    user?: { id: string; role: string },
  ) =>
    recordAudit(db, {
      actorId: user?.id ?? null,
      actorLabel: email || "(no email)",
      actorRole: user?.role ?? null,
      action: "auth.sign-in",
      result,
      vendorError: reason,
      clientAddress: client.address,
      userAgent: client.userAgent,
    });

  const locked = await lockedUntil(db, keys);
  if (locked) {
    const message = retryMessage(locked);
    await audit("denied", "locked out");
    return { ok: false, message };
  }
  const user = email ? await findUserByEmail(db, email) : undefined;
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !passwordMatches) {
    await recordFailure(db, keys);
    await audit("failure", user ? "wrong password" : "unknown account");
    const nowLocked = await lockedUntil(db, keys);
    return { ok: false, message: nowLocked ? retryMessage(nowLocked) : WRONG_CREDENTIALS };
  }
  if (user.disabledAt) {
    await audit("denied", "account disabled", user);
    return { ok: false, message: "This account is disabled. Ask an admin to re-enable it." };
  }
  const secondFactor = await secondFactorStep(db, user, input.code, { keys, client, audit });
  if (secondFactor) return secondFactor;
  await recordSuccess(db, email);
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
