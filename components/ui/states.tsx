"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { Button } from "./button";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>}
    </div>
  );
}

export interface ErrorStateProps {
  /** What went wrong, as the BFF said it: it names the appliance and what to do. */
  message: string;
  /** Fetch again; shown as a Retry button. */
  onRetry?: () => void;
  /** The retry is under way: the button says so and ignores presses. */
  retrying?: boolean;
  /** For the error of an action that already ran: nothing to fetch again, only to dismiss. */
  onDismiss?: () => void;
  /** The console's id for the failed request: shown so a person can quote it and an admin find its log line. */
  requestId?: string;
}

/** The one error box of every page: the message, then Retry (or Dismiss), reachable from the keyboard. */
export function ErrorState({ message, onRetry, retrying = false, onDismiss, requestId }: ErrorStateProps) {
  const t = useTranslations("ui");
  return (
    <div
      role="alert"
      className="mb-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="[overflow-wrap:anywhere]">{message}</p>
      {requestId && (
        <p className="mt-1 text-xs text-red-800 dark:text-red-200">
          {t("error.requestId")} <code className="select-all [overflow-wrap:anywhere]">{requestId}</code>
        </p>
      )}
      {(onRetry || onDismiss) && (
        <div className="mt-3 flex gap-2">
          {onRetry && (
            // Not `disabled` while retrying: that would drop the keyboard focus from the button.
            <Button
              variant="secondary"
              size="sm"
              onClick={retrying ? undefined : onRetry}
              aria-disabled={retrying}
              aria-busy={retrying}
            >
              {retrying ? t("error.retrying") : t("error.retry")}
            </Button>
          )}
          {onDismiss && (
            <Button variant="ghost" size="sm" onClick={onDismiss}>
              {t("error.dismiss")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** A query's error with its Retry wired to refetch; nothing while the query is fine. */
export function QueryErrorState({
  query,
}: {
  query: Pick<UseQueryResult, "isError" | "error" | "isFetching" | "refetch">;
}) {
  if (!query.isError || !query.error) return null;
  return (
    <ErrorState
      message={query.error.message}
      requestId={query.error instanceof ApiRequestError ? query.error.requestId : undefined}
      retrying={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
}

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const t = useTranslations("ui");
  return (
    <div role="status" aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className="h-9 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
