import "server-only";
import { recordAudit } from "@/lib/server/audit/audit-log";
import type { Database } from "@/lib/server/db/client";
import { isEnrolled, verifySecondFactor } from "@/lib/server/users/second-factor";
import type { SignInErrorCode } from "@/lib/sign-in-errors";
import { lockedUntil, recordFailure, releaseAttempt, type ThrottleKey } from "./login-throttle";

export type SecondFactorRefusal = { ok: false; code: SignInErrorCode };

interface Attempt {
  keys: ThrottleKey[];
  client: { address: string | null; userAgent: string | null };
  /** The sign-in's own audit writer, so a refused code is recorded like a refused password. */
  audit: (result: "failure", reason: string, user: { id: string; role: string }) => Promise<void>;
}

/**
 * The sign-in step after the password and the account state passed: for a person with a second factor, the
 * code. No code yet is not a failure (the form asks for it), so the attempt counted for it is given back, but
 * the account's earlier failures are not forgiven: knowing the password must not reset the count of wrong
 * codes. A wrong, expired or replayed code stays counted exactly like a wrong password, so lock-out covers
 * codes too. Null means: go on and sign in.
 */
export async function secondFactorStep(
  db: Database,
  user: { id: string; email: string; role: string },
  code: string | undefined,
  attempt: Attempt,
  now = new Date(),
): Promise<SecondFactorRefusal | null> {
  if (!(await isEnrolled(db, user.id))) return null;
  if (!code?.trim()) {
    await releaseAttempt(db, attempt.keys);
    return { ok: false, code: "second-factor-required" };
  }
  const check = await verifySecondFactor(db, user.id, code, now);
  if (!check.ok) {
    await recordFailure(db, attempt.keys, now);
    await attempt.audit("failure", "wrong second-factor code", user);
    const locked = await lockedUntil(db, attempt.keys, now);
    return { ok: false, code: locked ? "locked-out" : "second-factor-invalid" };
  }
  if (check.via === "recovery-code") {
    await recordAudit(db, {
      actorId: user.id,
      actorLabel: user.email,
      actorRole: user.role,
      action: "auth.recovery-code-used",
      result: "success",
      input: { recoveryCodesLeft: check.recoveryCodesLeft },
      clientAddress: attempt.client.address,
      userAgent: attempt.client.userAgent,
    });
  }
  return null;
}
