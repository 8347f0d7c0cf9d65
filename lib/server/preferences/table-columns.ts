import "server-only";
import { and, eq } from "drizzle-orm";
import type { TableColumnsChoiceDto } from "@/lib/api/table-columns";
import type { DataTableId } from "@/lib/data-table-ids";
import type { Actor } from "@/lib/server/auth/actor";
import { type Database, database } from "@/lib/server/db/client";
import { userTableColumns } from "@/lib/server/db/schema";

/** The person's saved choice for a list, or null when they never chose (the list then shows its default). */
export async function savedTableColumns(
  db: Database,
  userId: string,
  table: DataTableId,
): Promise<string[] | null> {
  const [row] = await db
    .select({ columns: userTableColumns.columns })
    .from(userTableColumns)
    .where(and(eq(userTableColumns.userId, userId), eq(userTableColumns.tableId, table)));
  return row?.columns ?? null;
}

export async function saveTableColumns(
  db: Database,
  userId: string,
  table: DataTableId,
  columns: string[],
): Promise<TableColumnsChoiceDto> {
  await db
    .insert(userTableColumns)
    .values({ userId, tableId: table, columns })
    .onConflictDoUpdate({
      target: [userTableColumns.userId, userTableColumns.tableId],
      set: { columns, updatedAt: new Date() },
    });
  return { table, columns };
}

/** For a page: the signed-in person's choice; an API token (a script reading a page) has none. */
export async function pageTableColumns(actor: Actor, table: DataTableId): Promise<string[] | null> {
  if (actor.kind !== "user") return null;
  return savedTableColumns(await database(), actor.id, table);
}
