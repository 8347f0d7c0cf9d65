"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import type { CreateExtensionInput, ImportResultDto } from "@/lib/api/kerio-extensions";
import { callOperation } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import { readCsvFile } from "@/lib/client/read-csv";
import type { Translate } from "@/lib/i18n/translator";
import {
  CSV_COLUMNS,
  type CsvProblem,
  type CsvRow,
  failedRowsCsv,
  readExtensionsCsv,
} from "./extensions-csv";

export interface ExtensionImportProps {
  connectionId: string;
  onClose: () => void;
}

/** Rows per request: small enough to show progress, large enough not to flood the PBX with requests. */
const CHUNK = 10;

type RowResult = ImportResultDto["results"][number] & { line: number; values: Record<string, string> };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** A row's problems in the person's words; also the error column of the failed rows' file. */
function problemsText(problems: readonly CsvProblem[], t: Translate<"kerio">): string {
  return problems
    .map((problem) => {
      if (problem.kind === "duplicate")
        return t("import.problems.duplicate", { number: problem.number, line: String(problem.firstLine) });
      if (problem.kind === "field")
        return t("import.problems.field", { field: problem.field, message: problem.message });
      return t("import.problems.row", { message: problem.message });
    })
    .join("; ");
}

/**
 * Preview first (every row checked by the shared schema), then send in chunks with progress, then a table
 * of what happened per row; the rows that failed, for any reason, download as a CSV to fix and retry.
 */
export function ExtensionImport({ connectionId, onClose }: ExtensionImportProps) {
  const t = useTranslations("kerio");
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<{ rows: CsvRow[]; error: string | null } | null>(null);
  const [sent, setSent] = useState(0);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<RowResult[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const valid = preview?.rows.filter((row) => row.input) ?? [];
  const invalid = preview?.rows.filter((row) => !row.input) ?? [];

  async function send() {
    setRunning(true);
    setFailure(null);
    const done: RowResult[] = invalid.map((row) => ({
      row: -1,
      line: row.line,
      values: row.values,
      number: row.values.number ?? "",
      ok: false,
      message: problemsText(row.problems, t),
      field: null,
      sipPassword: null,
    }));
    try {
      for (let start = 0; start < valid.length; start += CHUNK) {
        const chunk = valid.slice(start, start + CHUNK);
        const answer = await callOperation("importExtensions", {
          params: { connectionId },
          body: { rows: chunk.map((row) => row.input as CreateExtensionInput) },
        });
        for (const result of answer.results) {
          const row = chunk[result.row];
          if (row) done.push({ ...result, line: row.line, values: row.values });
        }
        setSent(start + chunk.length);
      }
    } catch (error) {
      setFailure(
        t("import.stopped", { count: done.length - invalid.length, message: (error as Error).message }),
      );
    }
    done.sort((a, b) => a.line - b.line);
    setResults(done);
    setRunning(false);
    void queryClient.invalidateQueries({ queryKey: extensionQueries.connection(connectionId) });
  }

  const failed = results?.filter((result) => !result.ok) ?? [];

  return (
    <Dialog open title={t("import.title")} onClose={onClose}>
      {!results && (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {messageParts(t("import.intro"), {
              columns: <code>{CSV_COLUMNS.join(",")}</code>, // literal: names of the parts, no text
              number: <code>number</code>, // literal: the column's name in the file
            })}
          </p>
          <label className="block text-sm font-medium">
            {t("import.file")}
            <input
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block text-sm"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (!file) return;
                void readCsvFile(file).then((read) => {
                  setSent(0);
                  if (!read.ok) {
                    setPreview({ rows: [], error: read.error });
                    return;
                  }
                  const { rows, error } = readExtensionsCsv(read.records);
                  setPreview({
                    rows,
                    error: error && t(`import.errors.${error}`, { columns: CSV_COLUMNS.join(", ") }),
                  });
                });
              }}
            />
          </label>
        </>
      )}
      {preview?.error && (
        <p role="alert" className="text-sm text-red-700">
          {preview.error}
        </p>
      )}
      {preview && !preview.error && !results && (
        <>
          <p data-testid="import-summary" className="text-sm">
            {t("import.summary", { ready: valid.length, invalid: invalid.length })}
          </p>
          {invalid.length > 0 && (
            <ul className="max-h-32 overflow-auto text-xs text-red-700 dark:text-red-400">
              {invalid.map((row) => (
                <li key={row.line}>
                  {t("import.lineProblems", {
                    line: String(row.line),
                    problems: problemsText(row.problems, t),
                  })}
                </li>
              ))}
            </ul>
          )}
          {running && (
            <progress aria-label={t("import.progress")} max={valid.length} value={sent} className="w-full" />
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              {t("import.cancel")}
            </Button>
            <Button disabled={running || valid.length === 0} onClick={() => void send()}>
              {running
                ? t("import.sending", { sent, total: valid.length })
                : t("import.send", { count: valid.length })}
            </Button>
          </div>
        </>
      )}
      {results && (
        <>
          <p data-testid="import-result" className="text-sm">
            {t("import.result", { created: results.length - failed.length, failed: failed.length })}
          </p>
          {failure && (
            <p role="alert" className="text-sm text-red-700">
              {failure}
            </p>
          )}
          <div className="max-h-64 overflow-auto">
            <Table aria-label={t("import.results")}>
              <thead>
                <tr>
                  <Th>{t("import.columns.line")}</Th>
                  <Th>{t("import.columns.number")}</Th>
                  <Th>{t("import.columns.result")}</Th>
                </tr>
              </thead>
              <tbody>
                {results.map((result) => (
                  <tr key={result.line}>
                    <Td>{result.line}</Td>
                    <Td>{result.number}</Td>
                    <Td>
                      {result.ok ? (
                        <Badge tone="good">{t("import.created")}</Badge>
                      ) : (
                        <span className="text-red-700">{result.message}</span>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="flex justify-end gap-2">
            {failed.length > 0 && (
              <Button
                variant="secondary"
                onClick={() =>
                  download(
                    "extensions-failed.csv",
                    failedRowsCsv(
                      failed.map((result) => ({ values: result.values, message: result.message ?? "" })),
                    ),
                  )
                }
              >
                {t("import.downloadFailed")}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setResults(null);
                setPreview(null);
              }}
            >
              {t("import.another")}
            </Button>
            <Button onClick={onClose}>{t("import.done")}</Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
