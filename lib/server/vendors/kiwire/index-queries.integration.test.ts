import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { HOTSPOT_USER_SORTS } from "@/lib/kiwire-vocabulary";
import type { Database } from "@/lib/server/db/client";
import { kiwireIndexAccounts } from "@/lib/server/db/schema";
import { queryPlan } from "@/testing/query-plan";
import { freshDatabase } from "@/testing/test-db";
import { userPageQuery } from "./index-queries";

/**
 * A sorted hotspot-user page at a real size: in the sort's order, and read from the column's sort index rather
 * than by sorting every user (issue 15). Vouchers of the same connection share the table, as on a real index.
 */

const CONNECTION = "sorted-users";
const USERS = 3_000;
const COLUMNS = { username: "username", fullname: "fullName", createdate: "createdAt", expiry: "expiresAt" };

type Row = typeof kiwireIndexAccounts.$inferInsert;

function row(kind: "user" | "voucher", n: number): Row {
  // Repeated values, mixed case and absent dates, so ties and the empty-first rule are exercised.
  const day = String(1 + (n % 28)).padStart(2, "0");
  return {
    connectionId: CONNECTION,
    kind,
    username: `${n % 2 ? "U" : "u"}ser${(n * 7919) % USERS}`,
    position: n,
    fullName: n % 5 === 0 ? "" : `${n % 3 ? "Ann" : "bob"} ${n % 97}`,
    email: `user${n}@example.test`,
    phone: "",
    profile: "1h",
    price: "0",
    status: "active",
    batch: "",
    createdBy: "api",
    remark: "",
    createdAt: n % 11 === 0 ? null : `2026-11-${day} 10:00:00`,
    activatedAt: null,
    expiresAt: n % 13 === 0 ? null : `2026-12-${day} 1${n % 10}:00:00`,
    mac: "",
    zone: "",
    seenAt: new Date(),
  };
}

/** The documented order: case-folded, absent first, byte by byte; Kiwire's order among equals. */
function expected(rows: Row[], column: keyof Row, dir: "asc" | "desc"): string[] {
  const key = (value: Row) => String(value[column] ?? "").toLowerCase();
  return [...rows]
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const byKey = x === y ? 0 : (x < y ? -1 : 1) * (dir === "desc" ? -1 : 1);
      return byKey || a.position - b.position;
    })
    .map((value) => value.username);
}

describe("a sorted page of hotspot users", () => {
  let db: Database;
  const users = Array.from({ length: USERS }, (_, n) => row("user", n));

  beforeAll(async () => {
    db = await freshDatabase();
    await db.delete(kiwireIndexAccounts);
    const vouchers = Array.from({ length: USERS }, (_, n) => ({ ...row("voucher", n), username: `v${n}` }));
    for (let start = 0; start < USERS; start += 500) {
      await db.insert(kiwireIndexAccounts).values(users.slice(start, start + 500));
      await db.insert(kiwireIndexAccounts).values(vouchers.slice(start, start + 500));
    }
    await db.execute(sql`ANALYZE kiwire_index_accounts`);
  });

  for (const sort of HOTSPOT_USER_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`by ${sort} ${dir}: in order, page after page`, async () => {
        const order = expected(users, COLUMNS[sort] as keyof Row, dir);
        for (const page of [1, 2, 37]) {
          const rows = await userPageQuery(db, CONNECTION, { page, pageSize: 50, sort, dir });
          expect(rows.map((value) => value.username)).toEqual(order.slice((page - 1) * 50, page * 50));
        }
      });
    }

    it(`by ${sort}: reads the column's sort index, not every user`, async () => {
      const text = await queryPlan(
        db,
        userPageQuery(db, CONNECTION, { page: 3, pageSize: 50, sort, dir: "desc" }),
      );
      const column = kiwireIndexAccounts[COLUMNS[sort] as "username"].name;
      expect(text).toContain(`kiwire_index_accounts_sort_${column}_idx`);
      expect(text).not.toMatch(/^\s*->\s*Sort\b/m);
    });
  }
});
