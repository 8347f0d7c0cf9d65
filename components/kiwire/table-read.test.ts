import { describe, expect, it } from "vitest";
import type { AccountDto } from "@/lib/api/kiwire";
import { asOfLabel, createdBatchNotice, tableReadWarning } from "./table-read";

const asOf = "2026-12-03T10:42:07.000Z";

describe("what the Kiwire pages tell about a table read", () => {
  it("says nothing when the rows read are all there is to know", () => {
    expect(
      tableReadWarning({ rowsRead: 500, reportedTotal: null, complete: true, asOf }, "users"),
    ).toBeNull();
    expect(tableReadWarning({ rowsRead: 500, reportedTotal: 500, complete: true, asOf }, "users")).toBeNull();
  });

  it("shows a count that disagrees with the rows read, and a read cut short", () => {
    expect(tableReadWarning({ rowsRead: 500, reportedTotal: 1200, complete: true, asOf }, "vouchers")).toBe(
      "Kiwire reports 1,200 vouchers but answered 500: the list shows what it answered.",
    );
    expect(tableReadWarning({ rowsRead: 200, reportedTotal: null, complete: false, asOf }, "users")).toMatch(
      /^Kiwire answered the same users again after 200 of them.*may be incomplete\.$/,
    );
  });

  it("reports a batch, and warns when not every voucher of it was found", () => {
    const voucher = (username: string): AccountDto => ({
      username,
      fullName: "",
      email: "",
      phone: "",
      profile: "wx_temp",
      price: "",
      status: "active",
      batch: "V1",
      createdBy: "",
      remark: "",
      createdAt: null,
      activatedAt: null,
      expiresAt: null,
      mac: "",
      zone: "",
    });
    const items = [voucher("A"), voucher("B")];
    expect(createdBatchNotice({ batch: "V1", items, requested: 2, readBack: true })).toEqual({
      text: "Batch V1: 2 vouchers generated.",
      complete: true,
    });
    const partial = createdBatchNotice({ batch: "V1", items, requested: 5, readBack: true });
    expect(partial.complete).toBe(false);
    expect(partial.text).toBe(
      "Kiwire accepted the batch of 5 vouchers, but the console found 2 of them in its list (batch V1). Check the Vouchers list before generating again.",
    );
  });

  it("says when the index was read: the time today, the day and time before", () => {
    expect(asOfLabel(asOf, new Date("2026-12-03T17:00:00Z"))).toBe("as of 10:42");
    expect(asOfLabel(asOf, new Date("2026-12-04T08:00:00Z"))).toBe("as of 3 Dec, 10:42");
  });
});
