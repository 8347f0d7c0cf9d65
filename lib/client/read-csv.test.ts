import papa from "papaparse";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsvText, readCsvFile } from "./read-csv";

const parse = (text: string) => parseCsvText(text, papa);

describe("parseCsvText", () => {
  it("keeps a quote inside an unquoted field as written, without swallowing the rest of the file", () => {
    const result = parse('number,description\n2001,12" screen\n2002,desk\n');
    expect(result).toEqual({
      ok: true,
      delimiter: ",",
      records: [
        { line: 1, cells: ["number", "description"] },
        { line: 2, cells: ["2001", '12" screen'] },
        { line: 3, cells: ["2002", "desk"] },
      ],
    });
  });

  it("refuses a quoted field that is never closed, naming the line where it opens", () => {
    expect(parse('number,description\n2001,ok\n2002,"unclosed\n2003,x\n')).toEqual({
      ok: false,
      error: 'Line 3: a quoted field is never closed. Add the closing " or remove the opening one.',
    });
  });

  it("detects `;` as European Excel writes it, with `,` and `;` inside quoted fields", () => {
    const result = parse('number;description\r\n2001;"Rossi; Bianchi, sales"\r\n');
    expect(result.ok && result.delimiter).toBe(";");
    expect(result.ok && result.records[1]?.cells).toEqual(["2001", "Rossi; Bianchi, sales"]);
  });

  it("keeps a line break inside a quoted cell as one record", () => {
    const result = parse('number,description\r\n2001,"Excel breaks\nlines with LF"\r\n2002,x\r\n');
    expect(result.ok && result.records.map((record) => record.cells)).toEqual([
      ["number", "description"],
      ["2001", "Excel breaks\nlines with LF"],
      ["2002", "x"],
    ]);
  });

  it("numbers records by the line they start on, after blank lines and multi-line cells", () => {
    const text = 'number,description\r\n\r\n2001,"two\r\nlines"\n   \n\n2002,"three\nlines\nhere"\n2003,last';
    const result = parse(text);
    expect(result.ok && result.records.map((record) => [record.line, record.cells[0]])).toEqual([
      [1, "number"],
      [3, "2001"],
      [7, "2002"],
      [10, "2003"],
    ]);
  });

  it("refuses text after a closing quote, naming the line", () => {
    expect(parse('number,description\n2001,"12" screen"\n')).toEqual({
      ok: false,
      error: 'Line 2: a quoted field has text after its closing quote. Write a quote inside quotes as "".',
    });
  });

  it("reads doubled quotes, a byte-order mark and an empty file", () => {
    const result = parse('\uFEFFnumber,description\n2001,"say ""hi"""\n');
    expect(result.ok && result.records[0]?.cells[0]).toBe("number");
    expect(result.ok && result.records[1]?.cells[1]).toBe('say "hi"');
    expect(parse("\n \n")).toEqual({ ok: false, error: "The file is empty." });
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, and Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("Caffè €"))).toEqual({
      text: "Caffè €",
      encoding: "utf-8",
    });
    // "Caffè €" as Excel saves it on a Western-European Windows: è = 0xE8, € = 0x80.
    const windows = Uint8Array.from([0x43, 0x61, 0x66, 0x66, 0xe8, 0x20, 0x80]);
    expect(decodeCsvBytes(windows)).toEqual({ text: "Caffè €", encoding: "windows-1252" });
  });

  it("reads a file end to end, reporting its encoding", async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("number;description\n2001;Caff"), 0xe8, 0x0a]);
    const result = await readCsvFile(new Blob([bytes]));
    expect(result).toEqual({
      ok: true,
      delimiter: ";",
      encoding: "windows-1252",
      records: [
        { line: 1, cells: ["number", "description"] },
        { line: 2, cells: ["2001", "Caffè"] },
      ],
    });
  });
});
