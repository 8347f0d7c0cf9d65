import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type {
  CreateSavedViewInput,
  SavedViewDto,
  SavedViewListDto,
  UpdateSavedViewInput,
} from "@/lib/api/saved-views";
import { DATA_TABLE_IDS, DATA_TABLE_READ_PERMISSIONS, type DataTableId } from "@/lib/data-table-ids";
import { text } from "@/lib/i18n/api-messages/text";
import { can } from "@/lib/permissions";
import type { Person } from "@/lib/server/auth/account";
import type { Database } from "@/lib/server/db/client";
import { savedViews } from "@/lib/server/db/schema";
import { conflict, forbidden, notFound } from "@/lib/server/errors/api-error";

type SavedViewRow = typeof savedViews.$inferSelect;

const readableTables = (person: Person): DataTableId[] =>
  DATA_TABLE_IDS.filter((table) => can(person.role, DATA_TABLE_READ_PERMISSIONS[table]));

const canShare = (person: Person) => can(person.role, "views.share");

/** A private view is its owner's to change; a shared one belongs to everybody, so only sharers change it. */
const editableBy = (person: Person, row: SavedViewRow) =>
  row.shared ? canShare(person) : row.ownerId === person.id;

function toDto(person: Person, row: SavedViewRow): SavedViewDto {
  return {
    id: row.id,
    table: row.tableId,
    name: row.name,
    query: row.query,
    columns: row.columns,
    shared: row.shared,
    mine: row.ownerId === person.id,
    editable: editableBy(person, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code;
  return code === "23505";
}

const nameTaken = (name: string) =>
  conflict(text`You already have a view named "${name}" on this list. Choose another name.`, [
    { field: "name", message: text`You already have a view with this name on this list` },
  ]);

/** The unique index answers the race two tabs could run; this turns its refusal into words. */
async function unlessNameTaken<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** The views a person can use: their own and the shared ones, of the lists their role reads. */
export async function listSavedViews(
  db: Database,
  person: Person,
  table?: DataTableId,
): Promise<SavedViewListDto> {
  const tables = readableTables(person).filter((readable) => table === undefined || readable === table);
  const rows =
    tables.length === 0
      ? []
      : await db
          .select()
          .from(savedViews)
          .where(
            and(
              inArray(savedViews.tableId, tables),
              or(eq(savedViews.ownerId, person.id), eq(savedViews.shared, true)),
            ),
          )
          .orderBy(asc(savedViews.tableId), asc(sql`lower(${savedViews.name})`), asc(savedViews.createdAt));
  return { views: rows.map((row) => toDto(person, row)), canShare: canShare(person) };
}

export async function createSavedView(
  db: Database,
  person: Person,
  input: CreateSavedViewInput,
): Promise<SavedViewDto> {
  if (!readableTables(person).includes(input.table))
    throw forbidden(text`Your role (${person.role}) cannot read this list, so it cannot keep views of it.`);
  if (input.shared && !canShare(person))
    throw forbidden(text`Only an admin can share a view. Save it without sharing to keep it for yourself.`);
  const [row] = await unlessNameTaken(input.name, () =>
    db
      .insert(savedViews)
      .values({
        ownerId: person.id,
        tableId: input.table,
        name: input.name,
        query: input.query,
        columns: input.columns,
        shared: input.shared,
      })
      .returning(),
  );
  if (!row) throw new Error("the insert returned no saved view");
  return toDto(person, row);
}

/**
 * The view a person may change. One they cannot see (another's private view, or a list they cannot read) is
 * "not found", so an id says nothing about views that are not theirs.
 */
async function editableView(db: Database, person: Person, id: string): Promise<SavedViewRow> {
  const [row] = await db.select().from(savedViews).where(eq(savedViews.id, id));
  const visible =
    row && (row.ownerId === person.id || row.shared) && readableTables(person).includes(row.tableId);
  if (!visible) throw notFound(text`There is no such saved view, or it is not yours.`);
  if (!editableBy(person, row)) throw forbidden(text`Only an admin can change or delete a shared view.`);
  return row;
}

export async function updateSavedView(
  db: Database,
  person: Person,
  id: string,
  change: UpdateSavedViewInput,
): Promise<SavedViewDto> {
  const current = await editableView(db, person, id);
  if (change.shared === true && !current.shared && !canShare(person))
    throw forbidden(text`Only an admin can share a view.`);
  const name = change.name ?? current.name;
  const [row] = await unlessNameTaken(name, () =>
    db
      .update(savedViews)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(savedViews.id, id))
      .returning(),
  );
  if (!row) throw notFound(text`The saved view was deleted meanwhile.`);
  return toDto(person, row);
}

export async function deleteSavedView(db: Database, person: Person, id: string): Promise<{ id: string }> {
  await editableView(db, person, id);
  await db.delete(savedViews).where(eq(savedViews.id, id));
  return { id };
}
