import { describe, expect, it } from "vitest";
import type { AccountDto } from "@/lib/api/kiwire";
import { forgetScans, sharedScan, type TableScan } from "./shared-scan";

/** A scan that resolves when told to, counting how many times it was started. */
function controllableScan() {
  const scan = { started: 0, finish: (_rows: AccountDto[]) => {}, fail: (_error: Error) => {} };
  const start = () => {
    scan.started += 1;
    return new Promise<TableScan>((resolve, reject) => {
      scan.finish = (accounts) =>
        resolve({ accounts, read: { rowsRead: accounts.length, reportedTotal: null, complete: true } });
      scan.fail = reject;
    });
  };
  return { scan, start };
}
const rows = [{ username: "v1" }] as AccountDto[];

describe("sharedScan", () => {
  it("lets page views that arrive during a scan share it, and scans again once it has ended", async () => {
    const { scan, start } = controllableScan();
    const first = sharedScan("conn-a\0voucher", start);
    const second = sharedScan("conn-a\0voucher", start);
    expect(scan.started).toBe(1);
    scan.finish(rows);
    expect((await first).accounts).toBe(rows);
    expect((await second).accounts).toBe(rows);

    const third = sharedScan("conn-a\0voucher", start);
    expect(scan.started).toBe(2);
    scan.finish([]);
    expect((await third).accounts).toEqual([]);
  });

  it("keeps tables and connections apart", async () => {
    const { scan, start } = controllableScan();
    const scans = [
      sharedScan("conn-b\0voucher", start),
      sharedScan("conn-b\0user", start),
      sharedScan("conn-c\0voucher", start),
    ];
    expect(scan.started).toBe(3);
    scan.finish(rows);
    await Promise.race(scans);
    forgetScans("conn-b\0");
    forgetScans("conn-c\0");
  });

  it("starts a fresh scan after a write, instead of joining one that may predate it", async () => {
    const { scan, start } = controllableScan();
    const before = sharedScan("conn-d\0voucher", start);
    const finishBefore = scan.finish;
    forgetScans("conn-d\0");
    const after = sharedScan("conn-d\0voucher", start);
    expect(scan.started).toBe(2);
    scan.finish([]);
    finishBefore(rows);
    expect((await before).accounts).toBe(rows);
    expect((await after).accounts).toEqual([]);
    // The older scan ending does not drop the newer one from the table.
    const joined = sharedScan("conn-d\0voucher", start);
    expect(scan.started).toBe(3);
    scan.finish(rows);
    expect((await joined).accounts).toBe(rows);
  });

  it("hands a failure to every waiting page view and does not keep it", async () => {
    const { scan, start } = controllableScan();
    const first = sharedScan("conn-e\0user", start);
    const second = sharedScan("conn-e\0user", start);
    scan.fail(new Error("Kiwire is down"));
    await expect(first).rejects.toThrow("Kiwire is down");
    await expect(second).rejects.toThrow("Kiwire is down");
    const retry = sharedScan("conn-e\0user", start);
    expect(scan.started).toBe(2);
    scan.finish(rows);
    expect((await retry).accounts).toBe(rows);
  });
});
