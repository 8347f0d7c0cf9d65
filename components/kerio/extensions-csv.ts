import { type CreateExtensionInput, CreateExtensionSchema } from "@/lib/api/kerio-extensions";
import type { CsvRecord } from "@/lib/client/read-csv";
import { csvFile } from "@/lib/csv";

/**
 * CSV import of extensions, checked in the browser before anything is sent: the same schema the server
 * applies, so a row refused here would be refused there too. Columns by header name, any order:
 * number (required), description, sipUsername, callPermission, ownerGuid.
 */

export const CSV_COLUMNS = ["number", "description", "sipUsername", "callPermission", "ownerGuid"] as const;

/**
 * What is wrong with a row, as data: the view words it in the person's language. A field's message is the
 * shared schema's own (the words the server would answer with).
 */
export type CsvProblem =
  | { kind: "field"; field: string; message: string }
  | { kind: "row"; message: string }
  | { kind: "duplicate"; number: string; firstLine: number };

/** Why a file gives no rows to import. */
export type CsvFileError = "empty" | "noNumberColumn" | "noRows";

export interface CsvRow {
  /** The line the row starts on in the file, as an editor shows it. */
  line: number;
  values: Record<string, string>;
  input: CreateExtensionInput | null;
  problems: CsvProblem[];
}

/** Every row validated, plus duplicate numbers within the file (the PBX would refuse the second one). */
export function readExtensionsCsv(records: readonly CsvRecord[]): {
  rows: CsvRow[];
  error: CsvFileError | null;
} {
  const [header, ...body] = records;
  if (!header) return { rows: [], error: "empty" };
  const names = header.cells.map((name) => name.trim());
  if (!names.includes("number")) return { rows: [], error: "noNumberColumn" };
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
      : parsed.error.issues.map((issue): CsvProblem => {
          const field = issue.path.join(".");
          return field
            ? { kind: "field", field, message: issue.message }
            : { kind: "row", message: issue.message };
        });
    const first = seen.get(candidate.number);
    if (candidate.number && first !== undefined)
      problems.push({ kind: "duplicate", number: candidate.number, firstLine: first });
    else seen.set(candidate.number, line);
    return { line, values, input: problems.length === 0 && parsed.success ? candidate : null, problems };
  });
  return { rows, error: rows.length === 0 ? "noRows" : null };
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
