import type Papa from "papaparse";

/** One record of a CSV file and the line it starts on, as an editor numbers lines (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvDelimiter = "," | ";" | "\t";
export type CsvEncoding = "utf-8" | "windows-1252";

export type CsvParseResult =
  | { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] }
  | { ok: false; error: string };

export type CsvReadResult =
  | (CsvParseResult & { ok: false })
  | (CsvParseResult & { ok: true; encoding: CsvEncoding });

type PapaModule = typeof Papa;

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it has printable characters (€, smart quotes, dashes).
 * Decoded here rather than by TextDecoder, because Node 20's decoder reads the label as plain Latin-1.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/**
 * A file's bytes as text. UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252: what Excel on a
 * Western-European Windows saves as "CSV", where "è" is one byte that is not valid UTF-8.
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: CsvEncoding } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(view), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(view), encoding: "windows-1252" };
  }
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed. Add the closing " or remove the opening one.',
  InvalidQuotes: 'a quoted field has text after its closing quote. Write a quote inside quotes as "".',
};

/**
 * Parses CSV text with papaparse (passed in, so it loads with the dialog that reads files rather than with
 * the page): the delimiter is detected (`,`, or `;` as European Excel writes, or tab), quoted fields may hold
 * delimiters, doubled quotes and line breaks, a quote inside an unquoted field is kept as written (`12" screen`),
 * blank lines are skipped, and each record keeps the line it starts on. A malformed quoted field is an error
 * naming its line, because everything after an unclosed quote would silently become one cell.
 */
export function parseCsvText(text: string, papa: PapaModule): CsvParseResult {
  // One kind of line break: papaparse detects a single one per file, and Excel ends rows with CRLF but
  // breaks lines inside a cell with LF.
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  let error: string | null = null;
  let delimiter: CsvDelimiter = ",";
  // Line breaks are counted once, as the parser moves on: `scanned` is how far the text has been counted.
  let scanned = 0;
  let linesBefore = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (source[scanned] === "\n") linesBefore++;
    return linesBefore + 1;
  };
  papa.parse<string[]>(source, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    step(row, parser) {
      const problem = row.errors.find((candidate) => candidate.code in QUOTE_PROBLEMS);
      if (problem) {
        error = `Line ${lineAt(problem.index ?? row.meta.cursor)}: ${QUOTE_PROBLEMS[problem.code]}`;
        parser.abort();
        return;
      }
      // The cursor is just past the record's own line break: the record ends on the line before it and
      // starts as many lines earlier as its quoted cells hold line breaks.
      const end = source[row.meta.cursor - 1] === "\n" ? row.meta.cursor - 1 : row.meta.cursor;
      const inner = row.data.reduce((sum, cell) => sum + cell.split("\n").length - 1, 0);
      records.push({ line: lineAt(end) - inner, cells: row.data });
      if (row.meta.delimiter === ";" || row.meta.delimiter === "\t") delimiter = row.meta.delimiter;
    },
  });
  if (error) return { ok: false, error };
  if (records.length === 0) return { ok: false, error: "The file is empty." };
  return { ok: true, delimiter, records };
}

/** Reads a CSV file chosen by a person: decode, then parse. */
export async function readCsvFile(file: Blob): Promise<CsvReadResult> {
  const [{ default: papa }, bytes] = await Promise.all([import("papaparse"), file.arrayBuffer()]);
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = parseCsvText(text, papa);
  return parsed.ok ? { ...parsed, encoding } : parsed;
}
