import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { StaffMappingDto } from "@/lib/api/kayako";
import { text } from "@/lib/i18n/api-messages/text";
import type { Database } from "@/lib/server/db/client";
import { kayakoStaffMap, users } from "@/lib/server/db/schema";
import { conflict, notFound } from "@/lib/server/errors/api-error";

/** The Kayako staff id the user replies as on this connection, or null when an admin has not mapped them. */
export async function staffIdOf(db: Database, connectionId: string, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ staffId: kayakoStaffMap.staffId })
    .from(kayakoStaffMap)
    .where(and(eq(kayakoStaffMap.connectionId, connectionId), eq(kayakoStaffMap.userId, userId)));
  return row?.staffId ?? null;
}

export async function requireStaffId(db: Database, connectionId: string, userId: string): Promise<number> {
  const staffId = await staffIdOf(db, connectionId, userId);
  if (staffId === null) {
    throw conflict(
      text`Your account is not mapped to a Kayako staff member, so a reply cannot be sent in your name. Ask an admin to map you on the tickets page.`,
    );
  }
  return staffId;
}

/** Every enabled console user who could reply (operators and admins), with their mapping. */
export async function listStaffMappings(db: Database, connectionId: string): Promise<StaffMappingDto[]> {
  const rows = await db
    .select({
      userId: users.id,
      userName: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      staffId: kayakoStaffMap.staffId,
    })
    .from(users)
    .leftJoin(
      kayakoStaffMap,
      and(eq(kayakoStaffMap.userId, users.id), eq(kayakoStaffMap.connectionId, connectionId)),
    )
    .orderBy(asc(users.name));
  return rows
    .filter((row) => row.role !== "viewer" && row.disabledAt === null)
    .map(({ disabledAt: _disabled, ...row }) => ({ ...row, staffId: row.staffId ?? null }));
}

export async function setStaffMapping(
  db: Database,
  connectionId: string,
  userId: string,
  staffId: number | null,
  updatedBy: string,
  knownStaffIds: ReadonlySet<number>,
): Promise<StaffMappingDto> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound(text`No console user ${userId}.`);
  if (user.role === "viewer") throw conflict(text`${user.name} is a viewer and cannot reply to tickets.`);
  if (staffId === null) {
    await db
      .delete(kayakoStaffMap)
      .where(and(eq(kayakoStaffMap.connectionId, connectionId), eq(kayakoStaffMap.userId, userId)));
  } else {
    // Kayako would refuse the reply later with "Staff ID is Invalid"; say so while the admin is here.
    if (!knownStaffIds.has(staffId))
      throw conflict(text`Kayako has no staff member ${staffId} on this connection.`);
    await db
      .insert(kayakoStaffMap)
      .values({ connectionId, userId, staffId, updatedBy })
      .onConflictDoUpdate({
        target: [kayakoStaffMap.connectionId, kayakoStaffMap.userId],
        set: { staffId, updatedBy, updatedAt: new Date() },
      });
  }
  return { userId, userName: user.name, email: user.email, role: user.role, staffId };
}
