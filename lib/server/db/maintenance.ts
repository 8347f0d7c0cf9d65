import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { char, integer, pgSchema, text } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/**
 * PGlite runs no autovacuum, so on the embedded database nothing refreshes the planner's statistics or marks
 * pages all-visible: a table that has grown since it was last measured is planned as if it had not (at
 * 300,000 audit events a target search took 400–590 ms unvacuumed, 62–67 ms after `VACUUM ANALYZE`,
 * docs/benchmarks.md). PGlite keeps no per-table counts of changes either (`pg_stat_user_tables` stays at
 * zero), so growth is read from the table's size on disk against `relpages`, which VACUUM and ANALYZE set.
 * The Kiwire index vacuums its own table after a large refresh (kiwire/index-store.ts); this covers the rest.
 */

/** A fifth more pages than last measured, as autovacuum's default scale factor for VACUUM (0.2). */
const GROWTH = 1.2;
/** Small tables are read whole whatever the statistics say: leave them be. */
const MIN_PAGES = 8;

/** The catalog columns read here (not part of the console's schema: no migration creates them). */
const catalog = pgSchema("pg_catalog");
const pgClass = catalog.table("pg_class", {
  oid: integer("oid").notNull(),
  relname: text("relname").notNull(),
  relnamespace: integer("relnamespace").notNull(),
  relkind: char("relkind").notNull(),
  relpages: integer("relpages").notNull(),
});
const pgNamespace = catalog.table("pg_namespace", {
  oid: integer("oid").notNull(),
  nspname: text("nspname").notNull(),
});

/** Vacuums and analyzes each of the console's tables that has grown by a fifth since it was last measured. */
export async function tidyGrownTables(db: Database): Promise<string[]> {
  const pages = sql`pg_relation_size(${pgClass.oid}) / current_setting('block_size')::int`;
  const grown = await db
    .select({ table: pgClass.relname })
    .from(pgClass)
    .innerJoin(pgNamespace, eq(pgNamespace.oid, pgClass.relnamespace))
    .where(
      and(
        eq(pgNamespace.nspname, "public"),
        eq(pgClass.relkind, "r"),
        sql`${pages} > greatest(${MIN_PAGES}::int, ${pgClass.relpages} * ${GROWTH}::float8)`,
      ),
    )
    .orderBy(asc(pgClass.relname));
  const tables = grown.map((row) => row.table);
  // One at a time: PGlite runs one statement at a time anyway, and a vacuum should not crowd out requests.
  for (const table of tables) await db.execute(sql`VACUUM (ANALYZE) ${sql.identifier(table)}`);
  return tables;
}
