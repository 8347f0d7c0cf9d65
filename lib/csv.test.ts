import { describe, expect, it } from "vitest";
import { csvFile, csvLine } from "./csv";

describe("csvLine", () => {
  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", 3, null])).toBe(
      '"a,b","say ""hi""","two\nlines",3,\r\n',
    );
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvLine(["=1+1", "+33 6", "-2", "@SUM(A1)"])).toBe("'=1+1,'+33 6,'-2,'@SUM(A1)\r\n");
  });

  it("leaves real numbers alone", () => {
    expect(csvLine([-2, 1.5, true])).toBe("-2,1.5,true\r\n");
  });

  it("writes objects as JSON", () => {
    expect(csvLine([{ a: 1 }])).toBe('"{""a"":1}"\r\n');
  });
});

describe("csvFile", () => {
  it("starts with a byte-order mark and guards every row, the header included", () => {
    expect(csvFile(["number", "error"], [["2001", "=HYPERLINK(x)"]])).toBe(
      "\uFEFFnumber,error\r\n2001,'=HYPERLINK(x)\r\n",
    );
  });
});
