/**
 * One CSV line (RFC 4180), for the server's exports and the files the browser writes (an import's failed
 * rows). Cells that a spreadsheet would run as a formula (= + - @ and control characters at the start) are
 * prefixed with a quote mark, because these files are opened in Excel by people who trust them.
 */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: a byte-order mark (so Excel reads UTF-8), the header, then the rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join("")}`;
}
