"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { ConnectionExchangeDto, ExchangeBodyDto } from "@/lib/api/connection-exchanges";
import type { ConnectionDto } from "@/lib/api/connections";
import { operationUrl } from "@/lib/client/call-operation";
import { connectionQueries } from "@/lib/client/queries/connections";
import { EXCHANGES_KEPT } from "@/lib/connection-exchanges-limits";

export interface ConnectionDiagnosticsProps {
  /** The connection whose exchanges are shown; null keeps the dialog closed. */
  connection: ConnectionDto | null;
  onClose: () => void;
}

/**
 * The last exchanges of a connection with its appliance, redacted on the server: what an admin reads, or
 * downloads and sends along, when an appliance answers in a way nobody foresaw.
 */
export function ConnectionDiagnostics({ connection, onClose }: ConnectionDiagnosticsProps) {
  const t = useTranslations("connections");
  return (
    <Dialog
      open={connection !== null}
      size="wide"
      title={t("diagnostics.title", { name: connection?.name ?? "" })}
      onClose={onClose}
    >
      {connection && <ExchangeList connection={connection} onClose={onClose} />}
    </Dialog>
  );
}

function ExchangeList({ connection, onClose }: { connection: ConnectionDto; onClose: () => void }) {
  const t = useTranslations("connections");
  const exchanges = useQuery(connectionQueries.exchanges(connection.id));
  const items = exchanges.data?.items ?? [];
  return (
    <>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {messageParts(t("diagnostics.intro", { count: EXCHANGES_KEPT }), {
          redacted: <code>[redacted]</code>, // literal: the mark the server writes in place of a secret
        })}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void exchanges.refetch()}
          disabled={exchanges.isFetching}
        >
          {exchanges.isFetching ? t("diagnostics.refreshing") : t("diagnostics.refresh")}
        </Button>
        <a
          href={operationUrl("listConnectionExchanges", {
            params: { id: connection.id },
            query: { download: "true" },
          })}
          download
          className="inline-flex items-center rounded-md bg-sky-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-sky-800 dark:hover:bg-sky-600"
        >
          {t("diagnostics.download")}
        </a>
      </div>
      {exchanges.isPending && <TableSkeleton rows={3} />}
      <QueryErrorState query={exchanges} />
      {exchanges.data && items.length === 0 && (
        <EmptyState title={t("diagnostics.empty")}>{t("diagnostics.emptyText")}</EmptyState>
      )}
      {items.length > 0 && (
        <ul aria-label={t("diagnostics.exchanges")} className="max-h-[60vh] space-y-1 overflow-y-auto">
          {items.map((exchange) => (
            <ExchangeItem key={exchange.id} exchange={exchange} />
          ))}
        </ul>
      )}
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("diagnostics.close")}
        </Button>
      </div>
    </>
  );
}

function statusTone(exchange: ConnectionExchangeDto) {
  if (exchange.status === null || exchange.status >= 500) return "bad" as const;
  if (exchange.status >= 400) return "warn" as const;
  return "good" as const;
}

/** The console's UTC time with its seconds: exchanges of one test are seconds apart. Both languages write `10:42`. */
function timeWithSeconds(iso: string, time: (iso: string) => string): string {
  return `${time(iso)}:${String(new Date(iso).getUTCSeconds()).padStart(2, "0")}`;
}

/** One exchange: a summary line that opens (Enter or Space on it) to headers and bodies. */
function ExchangeItem({ exchange }: { exchange: ConnectionExchangeDto }) {
  const t = useTranslations("connections");
  const f = useFormats();
  return (
    <li className="rounded-md border border-slate-200 dark:border-slate-800">
      <details>
        <summary className="grid cursor-pointer grid-cols-[4.5rem_3.5rem_1fr_auto_4.5rem] items-center gap-2 px-3 py-2 text-xs hover:bg-slate-50 dark:hover:bg-slate-800/60">
          <time dateTime={exchange.at} className="tabular-nums text-slate-600 dark:text-slate-400">
            {timeWithSeconds(exchange.at, f.time)}
          </time>
          <span className="font-mono font-semibold">{exchange.method}</span>
          <code className="truncate" title={exchange.path}>
            {exchange.path}
          </code>
          <Badge tone={statusTone(exchange)}>
            {exchange.status ?? exchange.failure ?? t("diagnostics.noAnswer")}
          </Badge>
          <span className="text-right tabular-nums text-slate-600 dark:text-slate-400">
            {t("diagnostics.duration", { ms: exchange.durationMs })}
          </span>
        </summary>
        <div className="grid gap-3 border-t border-slate-200 p-3 text-xs md:grid-cols-2 dark:border-slate-800">
          <Side
            title={t("diagnostics.request")}
            headers={exchange.request.headers}
            body={exchange.request.body}
          />
          {exchange.response ? (
            <Side
              title={t("diagnostics.response")}
              headers={exchange.response.headers}
              body={exchange.response.body}
            />
          ) : (
            <section>
              <h3 className="font-semibold">{t("diagnostics.response")}</h3>
              <p className="mt-1">
                {t("diagnostics.failed", { failure: exchange.failure ?? t("diagnostics.unknownFailure") })}
              </p>
            </section>
          )}
        </div>
      </details>
    </li>
  );
}

function Side({
  title,
  headers,
  body,
}: {
  title: string;
  headers: Record<string, string>;
  body: ExchangeBodyDto | null;
}) {
  const t = useTranslations("connections");
  return (
    <section className="min-w-0 space-y-2">
      <h3 className="font-semibold">{title}</h3>
      <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 p-2 [overflow-wrap:anywhere] dark:bg-slate-950">
        {Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join("\n") || t("diagnostics.noHeaders")}
      </pre>
      <BodyView body={body} />
    </section>
  );
}

function BodyView({ body }: { body: ExchangeBodyDto | null }) {
  const t = useTranslations("connections");
  if (!body) return <p className="text-slate-600 dark:text-slate-400">{t("diagnostics.noBody")}</p>;
  if (body.binary)
    return (
      <p className="text-slate-600 dark:text-slate-400">{t("diagnostics.binary", { bytes: body.bytes })}</p>
    );
  return (
    <>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-2 [overflow-wrap:anywhere] dark:bg-slate-950">
        {body.text || t("diagnostics.notShown")}
      </pre>
      {body.truncated && (
        <p className="text-slate-600 dark:text-slate-400">
          {t("diagnostics.truncated", { bytes: body.bytes })}
        </p>
      )}
    </>
  );
}
