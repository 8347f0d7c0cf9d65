"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import type { CreateExtensionInput, ImportResultDto } from "@/lib/api/kerio-extensions";
import { callOperation } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import { readCsvFile } from "@/lib/client/read-csv";
import { CSV_COLUMNS, type CsvRow, failedRowsCsv, readExtensionsCsv } from "./extensions-csv";

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

/**
 * Preview first (every row checked by the shared schema), then send in chunks with progress, then a table
 * of what happened per row; the rows that failed, for any reason, download as a CSV to fix and retry.
 */
export function ExtensionImport({ connectionId, onClose }: ExtensionImportProps) {
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
      message: row.problems.join("; "),
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
      setFailure(`Stopped after ${done.length - invalid.length} rows: ${(error as Error).message}`);
    }
    done.sort((a, b) => a.line - b.line);
    setResults(done);
    setRunning(false);
    void queryClient.invalidateQueries({ queryKey: extensionQueries.connection(connectionId) });
  }

  const failed = results?.filter((result) => !result.ok) ?? [];

  return (
    <Dialog open title="Import extensions" onClose={onClose}>
      {!results && (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            A CSV file with a header line: <code>{CSV_COLUMNS.join(",")}</code>. Only <code>number</code> is
            required. Commas or semicolons, UTF-8 or Windows (Excel) encoding.
          </p>
          <label className="block text-sm font-medium">
            CSV file
            <input
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block text-sm"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (!file) return;
                void readCsvFile(file).then((read) => {
                  setSent(0);
                  setPreview(read.ok ? readExtensionsCsv(read.records) : { rows: [], error: read.error });
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
            {valid.length} rows ready, {invalid.length} with problems (they will not be sent).
          </p>
          {invalid.length > 0 && (
            <ul className="max-h-32 overflow-auto text-xs text-red-700 dark:text-red-400">
              {invalid.map((row) => (
                <li key={row.line}>
                  Line {row.line}: {row.problems.join("; ")}
                </li>
              ))}
            </ul>
          )}
          {running && (
            <progress aria-label="Import progress" max={valid.length} value={sent} className="w-full" />
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={running || valid.length === 0} onClick={() => void send()}>
              {running ? `Sending ${sent}/${valid.length}…` : `Import ${valid.length} extensions`}
            </Button>
          </div>
        </>
      )}
      {results && (
        <>
          <p data-testid="import-result" className="text-sm">
            {results.length - failed.length} created, {failed.length} failed.
          </p>
          {failure && (
            <p role="alert" className="text-sm text-red-700">
              {failure}
            </p>
          )}
          <div className="max-h-64 overflow-auto">
            <Table aria-label="Import results">
              <thead>
                <tr>
                  <Th>Line</Th>
                  <Th>Number</Th>
                  <Th>Result</Th>
                </tr>
              </thead>
              <tbody>
                {results.map((result) => (
                  <tr key={result.line}>
                    <Td>{result.line}</Td>
                    <Td>{result.number}</Td>
                    <Td>
                      {result.ok ? (
                        <Badge tone="good">created</Badge>
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
                Download failed rows
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setResults(null);
                setPreview(null);
              }}
            >
              Import another file
            </Button>
            <Button onClick={onClose}>Done</Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
