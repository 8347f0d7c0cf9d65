import "server-only";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { serverConfig } from "@/lib/server/config/config";
import { PgliteThread } from "./pglite-thread";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
/** Any fixed number: instances starting together take turns migrating. */
const MIGRATION_LOCK_ID = 7_412_903;

interface OpenDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * PGlite sizes its WebAssembly memory for PostgreSQL's default 128 MB of shared buffers; a console's tables
 * are small and mostly read through indexes, and 32 MB keeps the embedded database near 200 MB of RSS.
 */
const PGLITE_SETTINGS = { postgresqlconf: "shared_buffers=32MB" };

/**
 * Creating a data folder runs initdb, which grows PGlite's WebAssembly memory to about 750 MB, and a
 * WebAssembly memory never shrinks. A new folder is therefore created by a short-lived child process, so the
 * console itself only ever opens an existing one (about 200 MB).
 */
async function createPgliteFolder(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const script = `const { PGlite } = await import("@electric-sql/pglite");
const db = new PGlite(process.argv[1], JSON.parse(process.argv[2]));
await db.waitReady;
await db.close();`;
  await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "-e", script, dataDir, JSON.stringify(PGLITE_SETTINGS)],
    { cwd: process.cwd() },
  );
}

/**
 * Opens the embedded PGlite database (a folder, or `memory://` for tests) and migrates it. A `template` (a data
 * folder as PGlite's dumpDataDir writes it) fills an in-memory database without running initdb: the tests
 * start every file from one migrated copy (testing/database-template.global-setup.ts).
 */
export async function openPglite(
  dataDir: string,
  template?: Blob,
): Promise<OpenDatabase & Pick<PgliteThread, "dumpDataDir" | "memory">> {
  if (!dataDir.startsWith("memory://")) await createPgliteFolder(dataDir);
  const client = await PgliteThread.start({ dataDir, settings: PGLITE_SETTINGS, template });
  // Drizzle's PGlite driver calls `query` and `transaction` of its client, which the thread has (pglite-thread.ts).
  const db = drizzlePglite(client as unknown as PGlite, { schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    // The next request opens the database again (database()); this thread must not keep the folder open too.
    await client.close().catch(() => undefined);
    throw error;
  }
  return {
    db,
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir(),
    memory: () => client.memory(),
  };
}

/** Opens a PostgreSQL server and migrates it under an advisory lock, so concurrent instances migrate once. */
export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new Pool({ connectionString: url, max: 10 });
  const lockClient = await pool.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    lockClient.release();
  }
  return { db: drizzlePg(pool, { schema }), close: () => pool.end() };
}

// Kept on globalThis so Next's dev-mode module reloads do not open the single-process PGlite folder twice.
const holder = globalThis as typeof globalThis & { __consoleDb?: Promise<OpenDatabase> };

/** The process-wide database, opened and migrated once on first use. */
export function database(): Promise<Database> {
  if (!holder.__consoleDb) {
    const { DATABASE_URL, DATA_DIR } = serverConfig();
    const opening = DATABASE_URL
      ? openPostgres(DATABASE_URL)
      : openPglite(path.join(/*turbopackIgnore: true*/ DATA_DIR, "pglite"));
    holder.__consoleDb = opening;
    // A failed open must not poison the process: the next request tries again.
    opening.catch(() => {
      if (holder.__consoleDb === opening) holder.__consoleDb = undefined;
    });
  }
  return holder.__consoleDb.then((open) => open.db);
}

/** For tests: use this database instead of the configured one. */
export function installTestDatabase(open: Promise<OpenDatabase>): void {
  holder.__consoleDb = open;
}

export async function closeDatabase(): Promise<void> {
  const open = holder.__consoleDb;
  holder.__consoleDb = undefined;
  if (open) await (await open).close();
}
