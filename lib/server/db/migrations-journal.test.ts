import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

const journal = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../../drizzle/meta/_journal.json"), "utf8"),
) as { entries: JournalEntry[] };

describe("the migrations journal", () => {
  it("dates each migration after the one before it, so an upgraded database still runs it", () => {
    // Drizzle's migrator applies only the migrations dated after the newest one a database has run: a
    // migration dated earlier than one already applied would be skipped on every upgraded database.
    const dates = journal.entries.map((entry) => entry.when);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("numbers the migrations in order, with no number kept free for later", () => {
    // A number kept free and filled after later migrations shipped would carry an earlier date than theirs
    // (the test above cannot see that it came later). 0010 was once kept free so; it stays unused.
    const UNUSED = [10];
    const numbers = journal.entries.map((entry) => Number(entry.tag.slice(0, 4)));
    expect(numbers).toEqual(journal.entries.map((entry) => entry.idx));
    const last = numbers.at(-1) ?? 0;
    const expected = Array.from({ length: last + 1 }, (_, n) => n).filter((n) => !UNUSED.includes(n));
    expect(numbers).toEqual(expected);
  });
});
