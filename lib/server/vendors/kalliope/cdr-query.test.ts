import { describe, expect, it } from "vitest";
import type { KalliopeCallSummary } from "@/lib/api/kalliope";
import { EXPORT_COLUMNS, exportRow } from "./cdr-query";

describe("exportRow", () => {
  it("puts every field of the call under its EXPORT_COLUMNS header", () => {
    // Every field distinct, so a swapped pair of columns cannot pass.
    const call: KalliopeCallSummary = {
      id: "1700000000.42",
      source: "local_exten",
      destination: "obl",
      startTime: "2026-03-29 02:30:00",
      answerTime: "2026-03-29 02:30:07",
      endTime: "2026-03-29 02:31:40",
      accountCode: "acc-9",
      caller: "0512",
      called: "+390612345",
      gateway: "gw-1",
      status: "OK",
      answeredBy: "201",
      billSeconds: 93,
      durationSeconds: 100,
    };
    const named: Record<string, unknown> = { ...call, utcOffset: "+02:00" };
    expect(exportRow(call, "+02:00")).toEqual(EXPORT_COLUMNS.map((column) => named[column]));
  });
});
