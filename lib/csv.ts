/**
 * One CSV line (RFC 4180), for the server's exports and the files the browser writes (an import's failed
 * rows). Cells that a spreadsheet would run as a formula (= + - @ and control characters at the start) are
 * prefixed with a quote mark, because these files are opened in Excel by people who trust them.
 */
export function csvLine(cells: readonly unknown[]): string {
  // A plain loop and string concatenation: exports write hundreds of thousands of lines, and map + join
  // allocated two arrays per line for nothing.
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    if (index > 0) line += ",";
    line += csvCell(cells[index]);
  }
  return `${line}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: a byte-order mark (so Excel reads UTF-8), the header, then the rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join("")}`;
}
