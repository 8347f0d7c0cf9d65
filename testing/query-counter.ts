import { vi } from "vitest";
import type { Database } from "@/lib/server/db/client";

/**
 * Counts the queries started on `db` (select, insert, update, delete, raw SQL, transactions) from now on:
 * the proof that a request answered from memory did not reach the database.
 */
export function countQueries(db: Database) {
  const spies = (["select", "insert", "update", "delete", "execute", "transaction"] as const).map((method) =>
    vi.spyOn(db, method),
  );
  return {
    get count() {
      return spies.reduce((total, spy) => total + spy.mock.calls.length, 0);
    },
    reset() {
      for (const spy of spies) spy.mockClear();
    },
    restore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
