import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { PGLITE_EXTENSIONS } from "@/lib/server/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding an empty, migrated PGlite data folder (PGlite's dumpDataDir), for testing/test-db.ts. */
    databaseTemplate: string;
  }
}

/**
 * A new PGlite database runs initdb, which took 3 s of each database test file on CI (10 s and more on a busy
 * machine); loading a copy of a folder that initdb made once takes a fraction of that. The copy is migrated here
 * with the console's own migrations, and each test file still runs the console's migrator over it (openPglite).
 */
export default async function setup(project: TestProject) {
  const client = new PGlite("memory://", { extensions: PGLITE_EXTENSIONS });
  await migrate(drizzle(client), { migrationsFolder: path.join(project.config.root, "drizzle") });
  // Uncompressed: gunzipping the copy in every file would cost more than reading the 40 MB.
  const dump = await client.dumpDataDir("none");
  await client.close();
  const folder = mkdtempSync(path.join(tmpdir(), "console-db-template-"));
  const file = path.join(folder, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", file);
  return () => rmSync(folder, { recursive: true, force: true });
}
