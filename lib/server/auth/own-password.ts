import "server-only";
import { eq, sql } from "drizzle-orm";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";
import { notFound, validationFailed } from "@/lib/server/errors/api-error";
import { forgetUser } from "@/lib/server/users/auth-invalidation";
import { hashPassword } from "@/lib/server/users/password-hash";
import { checkPassword } from "@/lib/server/users/password-policy";
import { confirmIdentity } from "./reauthentication";

/**
 * A person changes their own password: the current one first (counted toward lock-out when wrong), the new
 * one under the same policy as everywhere. Every session of theirs ends (the session version moves on); the
 * caller re-issues the one session the change was made from. Answers the new session version.
 */
export async function changeOwnPassword(
  db: Database,
  person: { id: string; email: string },
  change: { currentPassword: string; newPassword: string },
  clientAddress: string | null,
): Promise<number> {
  await confirmIdentity(db, person, { password: change.currentPassword }, clientAddress);
  const verdict = checkPassword(change.newPassword, { email: person.email });
  if (!verdict.ok)
    throw validationFailed(verdict.reason, [{ field: "newPassword", message: verdict.reason }]);
  if (change.newPassword === change.currentPassword) {
    const message = text`The new password is the current one. Choose another.`;
    throw validationFailed(message, [{ field: "newPassword", message }]);
  }
  const [row] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(change.newPassword),
      mustChangePassword: false,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, person.id))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw notFound(text`Your account no longer exists.`);
  await forgetUser(person.id);
  return row.sessionVersion;
}

/** A generated password (the printed first admin's) must be replaced at the first sign-in. */
export async function requirePasswordChange(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId));
  await forgetUser(userId);
}
