import { describe, expect, it } from "vitest";
import type { KalliopeCallSummary } from "@/lib/api/kalliope";
import { EXPORT_COLUMNS, exportRow, sortCalls } from "./cdr-query";

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

describe("sortCalls", () => {
  const call = (id: string, caller: string, durationSeconds: number): KalliopeCallSummary => ({
    id,
    source: "local_exten",
    destination: "obl",
    startTime: "2026-03-29 02:30:00",
    answerTime: "",
    endTime: "2026-03-29 02:31:40",
    accountCode: "",
    caller,
    called: "200",
    gateway: "",
    status: "OK",
    answeredBy: "",
    billSeconds: 0,
    durationSeconds,
  });
  const ids = (calls: KalliopeCallSummary[]) => calls.map((c) => c.id);

  it("orders unique ids as sequences (10.9 before 10.10) and breaks every tie by id, both ways", () => {
    const calls = () => [
      call("1700000010.10", "b", 5),
      call("1700000010.9", "a", 5),
      call("1700000002.100", "b", 7),
      call("1700000010", "a", 5),
    ];
    expect(ids(sortCalls(calls(), "id", "asc"))).toEqual([
      "1700000002.100",
      "1700000010",
      "1700000010.9",
      "1700000010.10",
    ]);
    expect(ids(sortCalls(calls(), "caller", "asc"))).toEqual([
      "1700000010",
      "1700000010.9",
      "1700000002.100",
      "1700000010.10",
    ]);
    expect(ids(sortCalls(calls(), "durationSeconds", "desc"))).toEqual([
      "1700000002.100",
      "1700000010.10",
      "1700000010.9",
      "1700000010",
    ]);
  });
});
