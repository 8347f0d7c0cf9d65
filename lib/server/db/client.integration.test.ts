import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "console-pglite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedded database folder", () => {
  it("is created (in a child process), migrated, and opened again with its data", async () => {
    const dataDir = path.join(root, "nested", "pglite");
    const rssBefore = process.memoryUsage().rss;

    const first = await openPglite(dataDir);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    await first.db.execute(sql`CREATE TABLE kept (n int)`);
    await first.db.execute(sql`INSERT INTO kept VALUES (7)`);
    // initdb's ~750 MB of WebAssembly memory stayed in the child: this process only opened the folder.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(450 * 1024 * 1024);
    await first.close();

    const again = await openPglite(dataDir);
    const rows = await again.db.execute(sql`SELECT n FROM kept`);
    expect(rows).toMatchObject({ rows: [{ n: 7 }] });
    const buffers = await again.db.execute(sql`SHOW shared_buffers`);
    expect(buffers).toMatchObject({ rows: [{ shared_buffers: "32MB" }] });
    await again.close();
  }, 120_000);
});
