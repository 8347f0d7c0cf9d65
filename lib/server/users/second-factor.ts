import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { userRecoveryCodes, userSecondFactors } from "@/lib/server/db/schema";
import { conflict } from "@/lib/server/errors/api-error";
import { forgetUser } from "@/lib/server/users/auth-invalidation";
import { consoleVault, type SecretContext } from "@/lib/server/vault/vault";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { base32Encode, matchingStep, newTotpSecret, otpauthUri } from "./totp";

/**
 * A person's second factor: the TOTP secret (sealed by the vault, bound to the user id) and the recovery
 * codes. Enrolment is two steps (a pending secret, then the first code confirms it) so a person who scans
 * the QR code wrongly is not locked out by a factor they cannot produce.
 */

const ISSUER = "Operator Console";

/** Associated data for the vault: a sealed secret copied onto another person's row fails to open. */
export function totpSecretContext(userId: string): SecretContext {
  return { connectionId: `user:${userId}`, field: "totp-secret" };
}

function openSecret(row: { userId: string; secretSealed: string }): Buffer {
  return Buffer.from(consoleVault().open(row.secretSealed, totpSecretContext(row.userId)), "base64url");
}

async function factorRow(db: Database, userId: string) {
  const [row] = await db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId));
  return row;
}

export async function isEnrolled(db: Database, userId: string): Promise<boolean> {
  return Boolean((await factorRow(db, userId))?.confirmedAt);
}

export async function recoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return row?.value ?? 0;
}

/** A new pending secret (replacing an unconfirmed one), for the QR code and for typing in by hand. */
export async function startEnrolment(db: Database, user: { id: string; email: string }) {
  if (await isEnrolled(db, user.id)) {
    throw conflict(text`Two-factor sign-in is already on. Remove it first to enrol a new authenticator.`);
  }
  const secret = newTotpSecret();
  const secretSealed = consoleVault().seal(secret.toString("base64url"), totpSecretContext(user.id));
  await db
    .insert(userSecondFactors)
    .values({ userId: user.id, secretSealed })
    .onConflictDoUpdate({
      target: userSecondFactors.userId,
      set: { secretSealed, confirmedAt: null, lastUsedStep: null, createdAt: new Date() },
    });
  return { secret: base32Encode(secret), uri: otpauthUri(secret, user.email, ISSUER) };
}

async function replaceRecoveryCodes(db: Database, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await db
    .insert(userRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code) ?? code) })),
    );
  return codes;
}

/**
 * Accepts the step of `code` for the person's secret unless that step (or a later one) was already used. One
 * conditional UPDATE, so two requests racing with the same code cannot both pass.
 */
async function acceptTotp(
  db: Database,
  row: { userId: string; secretSealed: string },
  code: string,
  now: Date,
): Promise<boolean> {
  const step = matchingStep(openSecret(row), code, now);
  if (step === null) return false;
  const accepted = await db
    .update(userSecondFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, row.userId),
        or(isNull(userSecondFactors.lastUsedStep), lt(userSecondFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userSecondFactors.userId });
  return accepted.length > 0;
}

/** Confirms a pending enrolment with its first code; answers the ten recovery codes, shown once. */
export async function confirmEnrolment(
  db: Database,
  userId: string,
  code: string,
  now = new Date(),
): Promise<string[] | null> {
  const row = await factorRow(db, userId);
  if (!row)
    throw conflict(text`Start the enrolment first: there is no authenticator waiting to be confirmed.`);
  if (row.confirmedAt) throw conflict(text`Two-factor sign-in is already on.`);
  if (!(await acceptTotp(db, row, code.trim(), now))) return null;
  const codes = await db.transaction(async (tx) => {
    await tx.update(userSecondFactors).set({ confirmedAt: now }).where(eq(userSecondFactors.userId, userId));
    return replaceRecoveryCodes(tx, userId);
  });
  // Enrolling pays a required step: the person's next request must not be held to it.
  await forgetUser(userId);
  return codes;
}

export type SecondFactorCheck =
  | { ok: true; via: "totp" }
  | { ok: true; via: "recovery-code"; recoveryCodesLeft: number }
  | { ok: false };

/**
 * Checks a code typed at sign-in (or to confirm removal): six digits are a TOTP code, anything shaped like a
 * recovery code is one (and is used up). Only for a confirmed factor.
 */
export async function verifySecondFactor(
  db: Database,
  userId: string,
  typed: string,
  now = new Date(),
): Promise<SecondFactorCheck> {
  const row = await factorRow(db, userId);
  if (!row?.confirmedAt) return { ok: false };
  const code = typed.trim().replace(/\s/g, "");
  if (/^\d{6}$/.test(code))
    return (await acceptTotp(db, row, code, now)) ? { ok: true, via: "totp" } : { ok: false };
  const recovery = normalizeRecoveryCode(typed);
  if (!recovery) return { ok: false };
  const used = await db
    .update(userRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(userRecoveryCodes.userId, userId),
        eq(userRecoveryCodes.codeHash, hashRecoveryCode(recovery)),
        isNull(userRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: userRecoveryCodes.userId });
  if (used.length === 0) return { ok: false };
  return { ok: true, via: "recovery-code", recoveryCodesLeft: await recoveryCodesLeft(db, userId) };
}

/** New recovery codes for an enrolled person; the old ones stop working. */
export async function regenerateRecoveryCodes(db: Database, userId: string): Promise<string[]> {
  if (!(await isEnrolled(db, userId)))
    throw conflict(text`Two-factor sign-in is off: there are no recovery codes.`);
  return db.transaction((tx) => replaceRecoveryCodes(tx, userId));
}

/** Removes the factor and its codes (the person's own choice, or an admin's reset). Answers whether one was on. */
export async function removeSecondFactor(db: Database, userId: string): Promise<boolean> {
  const removed = await db.transaction(async (tx) => {
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    const removed = await tx
      .delete(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, userId), isNotNull(userSecondFactors.confirmedAt)))
      .returning({ userId: userSecondFactors.userId });
    await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId));
    return removed.length > 0;
  });
  // Where a second factor is required, removing it makes the step owed again.
  await forgetUser(userId);
  return removed;
}

/** The ids of everyone with a confirmed factor, for the admin's user list. */
export async function enrolledUserIds(db: Database): Promise<Set<string>> {
  const rows = await db
    .select({ userId: userSecondFactors.userId })
    .from(userSecondFactors)
    .where(isNotNull(userSecondFactors.confirmedAt));
  return new Set(rows.map((row) => row.userId));
}
