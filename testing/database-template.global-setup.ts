import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/lib/server/db/client";

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
  const database = await openPglite("memory://");
  const dump = await database.dumpDataDir();
  await database.close();
  const folder = mkdtempSync(path.join(tmpdir(), "console-db-template-"));
  const file = path.join(folder, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", file);
  return () => rmSync(folder, { recursive: true, force: true });
}
