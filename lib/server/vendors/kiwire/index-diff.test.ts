import { describe, expect, it } from "vitest";
import type { AccountDto } from "@/lib/api/kiwire";
import { type IndexedRow, indexChanges } from "./index-diff";

function account(username: string, status: AccountDto["status"] = "active"): AccountDto {
  return {
    username,
    fullName: "",
    email: "",
    phone: "",
    profile: "wx_temp",
    price: "0",
    status,
    batch: "B1",
    createdBy: "admin",
    remark: "",
    createdAt: "2026-12-01 10:00:00",
    activatedAt: null,
    expiresAt: null,
    mac: "",
    zone: "",
  };
}

const BEFORE_SCAN = new Date("2026-12-03T10:00:00Z");
const SCAN_START = new Date("2026-12-03T10:05:00Z");
const AFTER_SCAN_START = new Date("2026-12-03T10:05:01Z");

function indexed(rows: [string, number, Date?][]): Map<string, IndexedRow> {
  return new Map(
    rows.map(([username, position, seenAt]) => [
      username,
      { account: account(username), position, seenAt: seenAt ?? BEFORE_SCAN },
    ]),
  );
}

describe("indexChanges", () => {
  it("writes every row of a first scan, in Kiwire's order", () => {
    const changes = indexChanges([account("a"), account("b"), account("c")], new Map(), SCAN_START);
    expect(changes.upserts.map((u) => [u.account.username, u.position])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(changes.deletes).toEqual([]);
  });

  it("writes nothing when nothing changed", () => {
    const changes = indexChanges(
      [account("a"), account("b")],
      indexed([
        ["a", 0],
        ["b", 1],
      ]),
      SCAN_START,
    );
    expect(changes).toEqual({ upserts: [], deletes: [] });
  });

  it("writes only the changed row, the appended row and the removal, keeping the others' positions", () => {
    const scanned = [account("a"), account("c", "expired"), account("d"), account("e")];
    const changes = indexChanges(
      scanned,
      indexed([
        ["a", 0],
        ["b", 1],
        ["c", 2],
        ["d", 3],
      ]),
      SCAN_START,
    );
    expect(changes.upserts.map((u) => [u.account.username, u.position, u.account.status])).toEqual([
      ["c", 2, "expired"],
      ["e", 4, "active"],
    ]);
    expect(changes.deletes).toEqual(["b"]);
  });

  it("moves rows whose order changed, and places a row read twice once", () => {
    const scanned = [account("b"), account("a"), account("a"), account("c")];
    const changes = indexChanges(
      scanned,
      indexed([
        ["a", 0],
        ["b", 1],
        ["c", 2],
      ]),
      SCAN_START,
    );
    // b keeps 1; a (0 is before b) moves after it; c (2 is not after a's 2) moves after a.
    expect(changes.upserts.map((u) => [u.account.username, u.position])).toEqual([
      ["a", 2],
      ["c", 3],
    ]);
    expect(changes.deletes).toEqual([]);
  });

  it("leaves alone a row a console write confirmed after the scan began, present or not in the scan", () => {
    const existing = indexed([
      ["a", 0],
      ["new", 1, AFTER_SCAN_START],
      ["gone-but-rewritten", 2, SCAN_START],
    ]);
    const changes = indexChanges([account("a"), account("new", "expired")], existing, SCAN_START);
    expect(changes).toEqual({ upserts: [], deletes: [] });
  });
});
