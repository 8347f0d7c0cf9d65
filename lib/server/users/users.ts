import "server-only";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { CreateUserInput, UpdateUserInput, UserDto } from "@/lib/api/users";
import { text } from "@/lib/i18n/api-messages/text";
import type { Role } from "@/lib/permissions";
import type { Database } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";
import { conflict, notFound, validationFailed } from "@/lib/server/errors/api-error";
import { forgetUser } from "@/lib/server/users/auth-invalidation";
import { hashPassword, needsRehash } from "./password-hash";
import { checkPassword } from "./password-policy";
import { enrolledUserIds, isEnrolled } from "./second-factor";

type UserRow = typeof users.$inferSelect;

/** The only shape a user leaves the server in: never the password hash or session version. */
export function toUserDto(row: UserRow, twoFactor: boolean): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    twoFactor,
  };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row;
}

export async function listUsers(db: Database): Promise<UserDto[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  const enrolled = await enrolledUserIds(db);
  return rows.map((row) => toUserDto(row, enrolled.has(row.id)));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users);
  return row?.value ?? 0;
}

function assertPasswordAllowed(password: string, email: string): void {
  const verdict = checkPassword(password, { email });
  if (!verdict.ok) throw validationFailed(verdict.reason, [{ field: "password", message: verdict.reason }]);
}

export async function createUser(db: Database, input: CreateUserInput): Promise<UserDto> {
  const email = normalizeEmail(input.email);
  assertPasswordAllowed(input.password, email);
  if (await findUserByEmail(db, email)) {
    throw conflict(text`A user with the email ${email} already exists.`, [
      { field: "email", message: text`Already in use` },
    ]);
  }
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toUserDto(row, false);
}

/** True when the change would leave no enabled admin: the console must always have someone who can administer it. */
async function wouldRemoveLastAdmin(
  db: Database,
  target: UserRow,
  change: UpdateUserInput,
): Promise<boolean> {
  const staysActiveAdmin =
    (change.role ?? target.role) === "admin" && !(change.disabled ?? target.disabledAt !== null);
  if (target.role !== "admin" || target.disabledAt !== null || staysActiveAdmin) return false;
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, target.id)));
  return (row?.value ?? 0) === 0;
}

export async function updateUser(db: Database, id: string, change: UpdateUserInput): Promise<UserDto> {
  const updated = await db.transaction(async (tx) => {
    // Lock the admin rows so two admins demoting each other at once cannot both succeed.
    await tx.execute(sql`SELECT id FROM ${users} WHERE ${users.role} = 'admin' FOR UPDATE`);
    const [target] = await tx.select().from(users).where(eq(users.id, id));
    if (!target) throw notFound(text`No user with that id.`);
    if (await wouldRemoveLastAdmin(tx, target, change)) {
      throw conflict(text`This is the last active admin. Make another user an admin first.`, [
        { field: change.role ? "role" : "disabled", message: text`Would leave the console without an admin` },
      ]);
    }
    if (change.password !== undefined) assertPasswordAllowed(change.password, target.email);
    const endsSessions = change.password !== undefined || change.disabled === true;
    const [row] = await tx
      .update(users)
      .set({
        ...(change.name !== undefined && { name: change.name }),
        ...(change.role !== undefined && { role: change.role }),
        ...(change.disabled !== undefined && {
          disabledAt: change.disabled ? (target.disabledAt ?? new Date()) : null,
        }),
        ...(change.password !== undefined && { passwordHash: await hashPassword(change.password) }),
        ...(endsSessions && { sessionVersion: sql`${users.sessionVersion} + 1` }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (!row) throw notFound(text`No user with that id.`);
    return toUserDto(row, await isEnrolled(tx, row.id));
  });
  // After the commit: an instance that reloaded the person meanwhile must not keep the old row.
  await forgetUser(id);
  return updated;
}

/** "Sign out everywhere": every JWT issued before this carries the old version and is refused. */
export async function revokeSessions(db: Database, id: string): Promise<UserDto> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw notFound(text`No user with that id.`);
  await forgetUser(id);
  return toUserDto(row, await isEnrolled(db, row.id));
}

export async function markSignedIn(db: Database, id: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

/**
 * After a successful sign-in, stores the password again when its hash predates today's scrypt cost. Only
 * while the stored hash is still the one that was verified: a password changed meanwhile is not overwritten.
 */
export async function upgradePasswordHash(
  db: Database,
  user: Pick<UserRow, "id" | "passwordHash">,
  password: string,
): Promise<void> {
  if (!needsRehash(user.passwordHash)) return;
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}

export async function ensureUser(
  db: Database,
  input: { email: string; name: string; role: Role; password: string },
) {
  const existing = await findUserByEmail(db, input.email);
  if (existing) return { user: toUserDto(existing, await isEnrolled(db, existing.id)), created: false };
  return { user: await createUser(db, input), created: true };
}
