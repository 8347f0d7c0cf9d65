import { type CreateExtensionInput, CreateExtensionSchema } from "@/lib/api/kerio-extensions";

/**
 * CSV import of extensions, checked in the browser before anything is sent: the same schema the server
 * applies, so a row refused here would be refused there too. Columns by header name, any order:
 * number (required), description, sipUsername, callPermission, ownerGuid.
 */

export const CSV_COLUMNS = ["number", "description", "sipUsername", "callPermission", "ownerGuid"] as const;

export interface CsvRow {
  /** 1-based line in the file, as an editor shows it. */
  line: number;
  values: Record<string, string>;
  input: CreateExtensionInput | null;
  problems: string[];
}

/** RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: Record<string, string>[], columns: readonly string[] = CSV_COLUMNS): string {
  return [columns.join(","), ...rows.map((row) => columns.map((column) => cell(row[column] ?? "")).join(","))]
    .join("\n")
    .concat("\n");
}

/** Every row validated, plus duplicate numbers within the file (the PBX would refuse the second one). */
export function readExtensionsCsv(text: string): { rows: CsvRow[]; error: string | null } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows: [], error: "The file is empty." };
  const names = header.map((name) => name.trim());
  if (!names.includes("number")) {
    return {
      rows: [],
      error: `The first line must name the columns, with at least "number" (${CSV_COLUMNS.join(", ")}).`,
    };
  }
  const seen = new Map<string, number>();
  const rows = body.map((cells, index): CsvRow => {
    const values = Object.fromEntries(names.map((name, column) => [name, (cells[column] ?? "").trim()]));
    const candidate = {
      number: values.number ?? "",
      ...(values.description && { description: values.description }),
      ...(values.sipUsername && { sipUsername: values.sipUsername }),
      ...(values.callPermission && { callPermission: Number(values.callPermission) }),
      ...(values.ownerGuid && { ownerGuid: Number(values.ownerGuid) }),
    };
    const parsed = CreateExtensionSchema.safeParse(candidate);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`);
    const first = seen.get(candidate.number);
    if (candidate.number && first !== undefined)
      problems.push(`number: ${candidate.number} is also on line ${first}`);
    else seen.set(candidate.number, index + 2);
    return {
      line: index + 2,
      values,
      input: problems.length === 0 && parsed.success ? candidate : null,
      problems,
    };
  });
  return { rows, error: rows.length === 0 ? "The file has a header but no rows." : null };
}
