import { describe, expect, it } from "vitest";
import { parseCsv, readExtensionsCsv, toCsv } from "./extensions-csv";

describe("extensions CSV", () => {
  it("parses quoted fields, doubled quotes and CRLF", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
    ]);
  });

  it("validates every row and flags numbers repeated in the file", () => {
    const { rows, error } = readExtensionsCsv(
      "number,description,callPermission\n2001,Desk,1\nabc,Bad,1\n2001,Again,1\n2002,,9\n",
    );
    expect(error).toBeNull();
    expect(rows.map((row) => row.problems.length > 0)).toEqual([false, true, true, true]);
    expect(rows[0]?.input).toEqual({ number: "2001", description: "Desk", callPermission: 1 });
    expect(rows[1]?.problems[0]).toContain("1–10 digits");
    expect(rows[2]?.problems).toContain("number: 2001 is also on line 2");
  });

  it("refuses a file without a number column and writes CSV back", () => {
    expect(readExtensionsCsv("desc\nx\n").error).toContain('"number"');
    expect(toCsv([{ number: "1", description: 'a "b", c' }], ["number", "description"])).toBe(
      'number,description\n1,"a ""b"", c"\n',
    );
  });
});
