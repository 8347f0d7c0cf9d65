import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPglite } from "./client";
import { kalliopeCdrDays } from "./schema";

const root = mkdtempSync(path.join(tmpdir(), "console-pglite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedded database folder", () => {
  it("is created (in a child process), migrated, and opened again with its data", async () => {
    const dataDir = path.join(root, "nested", "pglite");

    const first = await openPglite(dataDir);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    await first.db.execute(sql`CREATE TABLE kept (n int)`);
    await first.db.execute(sql`INSERT INTO kept VALUES (7)`);
    // initdb's WebAssembly memory stayed in the child: the database's thread only opened the folder (146 MB
    // measured; 678 MB with initdb run on the thread). Measured on the thread, not as the process's RSS, which
    // also counts the test files Vitest runs beside this one on threads of the same process.
    expect((await first.memory()).externalBytes).toBeLessThan(450 * 1024 * 1024);
    await first.close();

    const again = await openPglite(dataDir);
    const rows = await again.db.execute(sql`SELECT n FROM kept`);
    expect(rows).toMatchObject({ rows: [{ n: 7 }] });
    const buffers = await again.db.execute(sql`SHOW shared_buffers`);
    expect(buffers).toMatchObject({ rows: [{ shared_buffers: "32MB" }] });
    await again.close();
  }, 120_000);
});

describe("binary columns", () => {
  it("keep every byte value through a write and a read, in the hex form PostgreSQL documents", async () => {
    // From the tests' migrated copy: an empty in-memory database, without another initdb.
    const template = new Blob([readFileSync(inject("databaseTemplate"))]);
    const { db, close } = await openPglite("memory://", template);
    try {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
      await db.insert(kalliopeCdrDays).values({
        cacheKey: "k",
        connectionId: "c",
        day: "2026-12-01",
        callCount: 1,
        callsGz: bytes.subarray(3, 4000),
      });
      const [row] = await db.select({ callsGz: kalliopeCdrDays.callsGz }).from(kalliopeCdrDays);
      expect(Buffer.compare(row?.callsGz ?? Buffer.alloc(0), bytes.subarray(3, 4000))).toBe(0);
      // PostgreSQL itself reads what was written (not only our own reader): its length and a byte in the middle.
      const checked = await db.execute(
        sql`SELECT length(calls_gz) AS length, get_byte(calls_gz, 100) AS byte FROM kalliope_cdr_days`,
      );
      expect(checked).toMatchObject({ rows: [{ length: 3997, byte: bytes[103] }] });
    } finally {
      await close();
    }
  });
});
