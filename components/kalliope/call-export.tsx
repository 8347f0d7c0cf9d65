"use client";

import { useState } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { type OperationQuery, operationUrl } from "@/lib/client/call-operation";

export interface CallExportProps {
  connectionId: string;
  query: OperationQuery<"exportCalls">;
  fileName: string;
}

type Progress = { done: number; total: number };

/**
 * Streams the filtered calls as the server's CSV, counting rows against X-Total-Count for progress, then saves
 * the file. A download, not a JSON call: the typed client gives the URL and the rows are read as they arrive.
 */
export function CallExport({ connectionId, query, fileName }: CallExportProps) {
  const t = useTranslations("kalliope");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportCsv() {
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      const response = await fetch(operationUrl("exportCalls", { params: { connectionId }, query }));
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? t("export.failed", { status: response.status }));
      }
      const total = Number(response.headers.get("x-total-count") ?? 0);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        // The first line is the header.
        setProgress({ done: Math.max(0, lines - 1), total });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      setProgress({ done: total, total });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setProgress(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {progress && (
        <span role="status" className="text-sm" data-testid="export-progress">
          {progress.total > 0 && progress.done >= progress.total
            ? t("export.done", { total: progress.total })
            : t("export.progress", { done: progress.done, total: progress.total })}
        </span>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
      <Button variant="secondary" onClick={() => void exportCsv()}>
        {t("export.button")}
      </Button>
    </div>
  );
}
