import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/audit-log";
import { freshDatabase } from "@/testing/test-db";
import type { Database } from "./client";
import { tidyGrownTables } from "./maintenance";

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

/** What PostgreSQL last measured of the audit table: rows (-1 before any ANALYZE) and pages. */
async function measured(): Promise<{ reltuples: number; relpages: number }> {
  const [row] = await db
    .select({ reltuples: sql<number>`reltuples::float8`, relpages: sql<number>`relpages` })
    .from(sql`pg_class`)
    .where(sql`relname = 'audit_events'`);
  return row!;
}

async function auditEvents(count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    await recordAudit(db, {
      actorId: null,
      actorLabel: `operator${n % 7}@console.local`,
      actorRole: "operator",
      action: "kiwire.vouchers.generate",
      targetConnection: `conn-${n % 3}`,
      input: { quantity: n, note: "x".repeat(200) },
      result: "success",
    });
  }
}

describe("tidyGrownTables (the embedded database's stand-in for autovacuum)", () => {
  it("measures a table that has grown past a fifth of its last size, and then leaves it until it grows again", async () => {
    await auditEvents(400);
    expect((await measured()).reltuples).toBe(-1);

    expect(await tidyGrownTables(db)).toContain("audit_events");
    const first = await measured();
    expect(first.reltuples).toBe(400);
    expect(first.relpages).toBeGreaterThan(8);

    // Unchanged since: nothing to do.
    expect(await tidyGrownTables(db)).not.toContain("audit_events");

    // A tenth more is within the fifth: still nothing; past it, measured again.
    await auditEvents(40);
    expect(await tidyGrownTables(db)).not.toContain("audit_events");
    await auditEvents(200);
    expect(await tidyGrownTables(db)).toContain("audit_events");
    expect((await measured()).reltuples).toBe(640);
  });

  it("leaves small tables alone: they are read whole whatever the statistics say", async () => {
    await auditEvents(5);
    expect(await tidyGrownTables(db)).toEqual([]);
  });
});
