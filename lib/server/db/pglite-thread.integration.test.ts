import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PgliteThread } from "./pglite-thread";

let thread: PgliteThread;

beforeAll(async () => {
  // The tests' migrated copy: no initdb, and the console's tables are there.
  const template = new Blob([readFileSync(inject("databaseTemplate"))]);
  thread = await PgliteThread.start({ dataDir: "memory://", settings: {}, template });
  await thread.query("CREATE TABLE items (id int PRIMARY KEY, name text)");
}, 60_000);

afterAll(() => thread.close());

describe("PGlite on its own thread", () => {
  it("runs the database off the calling thread: timers fire while a query sleeps", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await thread.query("SELECT pg_sleep(0.3)");
    } finally {
      clearInterval(timer);
    }
    // In the calling thread, PostgreSQL's sleep would have blocked every timer until it returned.
    expect(ticks).toBeGreaterThan(10);
  });

  it("answers rows as objects or arrays, with parameters", async () => {
    await thread.query("INSERT INTO items VALUES ($1, $2), ($3, $4)", [1, "one", 2, "two"]);
    const objects = await thread.query("SELECT id, name FROM items ORDER BY id");
    expect(objects.rows).toEqual([
      { id: 1, name: "one" },
      { id: 2, name: "two" },
    ]);
    const arrays = await thread.query("SELECT id, name FROM items WHERE id = $1", [2], { rowMode: "array" });
    expect(arrays.rows).toEqual([[2, "two"]]);
    expect(arrays.fields.map((field) => field.name)).toEqual(["id", "name"]);
  });

  it("keeps dates and timestamps as PostgreSQL's text, for drizzle to map", async () => {
    const { rows } = await thread.query(
      "SELECT DATE '2026-12-06' AS day, TIMESTAMPTZ '2026-12-06 10:42:00+00' AS at, INTERVAL '90 minutes' AS span",
    );
    expect(rows).toEqual([{ day: "2026-12-06", at: "2026-12-06 10:42:00+00", span: "01:30:00" }]);
  });

  it("gives a transaction the session to itself: a query sent meanwhile waits for the commit", async () => {
    let outside: Promise<unknown[]> | undefined;
    let outsideAnswered = false;
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO items VALUES (10, 'in a transaction')");
      outside = thread.query("SELECT name FROM items WHERE id = 10").then((result) => {
        outsideAnswered = true;
        return result.rows;
      });
      // Long enough for the outside query to have run, had it not waited.
      await tx.query("SELECT pg_sleep(0.1)");
      expect(outsideAnswered).toBe(false);
    });
    expect(await outside).toEqual([{ name: "in a transaction" }]);
  });

  it("rolls a transaction back when its body throws, and reports the body's error", async () => {
    const failed = thread.transaction(async (tx) => {
      await tx.query("INSERT INTO items VALUES (20, 'rolled back')");
      throw new Error("the body failed");
    });
    await expect(failed).rejects.toThrow("the body failed");
    const { rows } = await thread.query("SELECT count(*)::int AS n FROM items WHERE id = 20");
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("reports a database error with PostgreSQL's code and constraint, and goes on answering", async () => {
    await thread.query("INSERT INTO items VALUES (30, 'first')");
    const duplicate = thread.query("INSERT INTO items VALUES (30, 'again')");
    await expect(duplicate).rejects.toMatchObject({
      name: "DatabaseError",
      code: "23505",
      constraint: "items_pkey",
    });
    const { rows } = await thread.query("SELECT name FROM items WHERE id = 30");
    expect(rows).toEqual([{ name: "first" }]);
  });

  it("refuses queries once closed, with a message that says so", async () => {
    const template = new Blob([readFileSync(inject("databaseTemplate"))]);
    const other = await PgliteThread.start({ dataDir: "memory://", settings: {}, template });
    await other.close();
    await expect(other.query("SELECT 1")).rejects.toThrow("The embedded database is closed.");
  }, 60_000);
});
