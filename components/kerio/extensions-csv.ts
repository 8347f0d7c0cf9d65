import { type CreateExtensionInput, CreateExtensionSchema } from "@/lib/api/kerio-extensions";
import type { CsvRecord } from "@/lib/client/read-csv";
import { csvFile } from "@/lib/csv";

/**
 * CSV import of extensions, checked in the browser before anything is sent: the same schema the server
 * applies, so a row refused here would be refused there too. Columns by header name, any order:
 * number (required), description, sipUsername, callPermission, ownerGuid.
 */

export const CSV_COLUMNS = ["number", "description", "sipUsername", "callPermission", "ownerGuid"] as const;

export interface CsvRow {
  /** The line the row starts on in the file, as an editor shows it. */
  line: number;
  values: Record<string, string>;
  input: CreateExtensionInput | null;
  problems: string[];
}

/** Every row validated, plus duplicate numbers within the file (the PBX would refuse the second one). */
export function readExtensionsCsv(records: readonly CsvRecord[]): { rows: CsvRow[]; error: string | null } {
  const [header, ...body] = records;
  if (!header) return { rows: [], error: "The file is empty." };
  const names = header.cells.map((name) => name.trim());
  if (!names.includes("number")) {
    return {
      rows: [],
      error: `The first line must name the columns, with at least "number" (${CSV_COLUMNS.join(", ")}).`,
    };
  }
  const seen = new Map<string, number>();
  const rows = body.map(({ line, cells }): CsvRow => {
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
    else seen.set(candidate.number, line);
    return { line, values, input: problems.length === 0 && parsed.success ? candidate : null, problems };
  });
  return { rows, error: rows.length === 0 ? "The file has a header but no rows." : null };
}

/** The rows that failed, with their error, as a file to fix and import again (formula-guarded like exports). */
export function failedRowsCsv(
  failed: readonly { values: Record<string, string>; message: string }[],
): string {
  const header = [...CSV_COLUMNS, "error"];
  return csvFile(
    header,
    failed.map(({ values, message }) =>
      header.map((column) => (column === "error" ? message : values[column])),
    ),
  );
}
