import papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseCsvText } from "@/lib/client/read-csv";
import { failedRowsCsv, readExtensionsCsv } from "./extensions-csv";

function read(text: string) {
  const parsed = parseCsvText(text, papa);
  if (!parsed.ok) throw new Error(parsed.error);
  return readExtensionsCsv(parsed.records);
}

describe("extensions CSV", () => {
  it("validates every row and flags numbers repeated in the file", () => {
    const { rows, error } = read(
      "number,description,callPermission\n2001,Desk,1\nabc,Bad,1\n2001,Again,1\n2002,,9\n",
    );
    expect(error).toBeNull();
    expect(rows.map((row) => row.problems.length > 0)).toEqual([false, true, true, true]);
    expect(rows[0]?.input).toEqual({ number: "2001", description: "Desk", callPermission: 1 });
    expect(rows[1]?.problems[0]).toMatchObject({ kind: "field", field: "number" });
    expect(JSON.stringify(rows[1]?.problems[0])).toContain("1–10 digits");
    expect(rows[2]?.problems).toContainEqual({ kind: "duplicate", number: "2001", firstLine: 2 });
  });

  it("reads a European Excel file, keeps every row after a stray quote and names rows by their file line", () => {
    const { rows } = read('number;description\r\n2001;12" screen\r\n\r\n2002;"two\nlines"\r\n2003;Caffè\r\n');
    expect(rows.map((row) => [row.line, row.values.number, row.values.description])).toEqual([
      [2, "2001", '12" screen'],
      [4, "2002", "two\nlines"],
      [6, "2003", "Caffè"],
    ]);
    expect(read("number\n2001\n\n2001\n").rows[1]?.problems).toContainEqual({
      kind: "duplicate",
      number: "2001",
      firstLine: 2,
    });
  });

  it("refuses a file without a number column", () => {
    expect(read("desc\nx\n").error).toBe("noNumberColumn");
    expect(read("number\n").error).toBe("noRows");
  });

  it("writes the failed rows back with their error, guarded against formulas", () => {
    expect(
      failedRowsCsv([{ values: { number: "2001", description: "=cmd()" }, message: "number: taken" }]),
    ).toBe(
      "\uFEFFnumber,description,sipUsername,callPermission,ownerGuid,error\r\n2001,'=cmd(),,,,number: taken\r\n",
    );
  });
});
