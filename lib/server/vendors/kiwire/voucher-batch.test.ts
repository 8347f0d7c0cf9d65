import { describe, expect, it } from "vitest";
import type { AccountDto } from "@/lib/api/kiwire";
import { findSilentBatch, readBatchAnswer, vouchersWithCodes } from "./voucher-batch";

const voucher = (username: string, batch: string, createdAt: string, profile = "wx_temp"): AccountDto => ({
  username,
  fullName: "",
  email: "",
  phone: "",
  profile,
  price: "0.00",
  status: "active",
  batch,
  createdBy: "hakim",
  remark: "",
  createdAt,
  activatedAt: null,
  expiresAt: null,
  mac: "",
  zone: "",
});

describe("readBatchAnswer", () => {
  it("takes records for every voucher asked for as the batch", () => {
    const answer = readBatchAnswer(
      [
        { username: "A1", tag: "V1" },
        { username: "A2", tag: "V1" },
      ],
      2,
    );
    expect(answer.kind).toBe("records");
  });

  it("turns bare codes, or fewer records than asked for, into codes to read back", () => {
    expect(readBatchAnswer(["A1", "A2"], 2)).toEqual({ kind: "codes", codes: ["A1", "A2"] });
    expect(readBatchAnswer([{ username: "A1" }], 2)).toEqual({ kind: "codes", codes: ["A1"] });
  });

  it("calls an answer without codes silent, whatever its shape", () => {
    for (const data of [undefined, null, [], {}, "voucher created", [{}], [42]]) {
      expect(readBatchAnswer(data, 3)).toEqual({ kind: "silent" });
    }
  });
});

describe("reading a batch back", () => {
  const table = [
    voucher("LB000001", "V0000001", "2026-01-01 08:00:00"),
    voucher("LB000002", "V0000002", "2026-01-01 09:59:00"),
    voucher("LB000003", "V0000002", "2026-01-01 09:59:00"),
    voucher("LB000004", "V0000003", "2026-01-01 10:00:01"),
    voucher("LB000005", "V0000003", "2026-01-01 10:00:01"),
    voucher("XX000006", "V0000004", "2026-01-01 10:00:01"),
    voucher("LB000007", "V0000005", "2026-01-01 10:00:02", "1Day"),
  ];
  const request = { prefix: "LB", profile: "wx_temp", requested: 2, since: "2026-01-01 09:55:00" };

  it("finds codes in the list", () => {
    expect(vouchersWithCodes(table, ["LB000005", "LB000001"]).map((v) => v.username)).toEqual([
      "LB000001",
      "LB000005",
    ]);
  });

  it("picks the newest batch of the size, prefix and profile asked for, created since the request", () => {
    expect(findSilentBatch(table, request).map((v) => v.username)).toEqual(["LB000004", "LB000005"]);
  });

  it("falls back to the newest fitting vouchers when no batch has the size asked for", () => {
    const found = findSilentBatch(table, { ...request, requested: 3 });
    expect(found.map((v) => v.username)).toEqual(["LB000003", "LB000004", "LB000005"]);
    expect(findSilentBatch(table, { ...request, since: "2026-01-01 11:00:00" })).toEqual([]);
  });
});
