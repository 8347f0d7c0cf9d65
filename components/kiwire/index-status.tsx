"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import type { TableReadDto } from "@/lib/api/kiwire";
import { ApiRequestError } from "@/lib/client/api-fetch";
import { callOperation } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import { asOfLabel, type IndexedList } from "./table-read";

/**
 * Above an indexed list: while its first page loads, why the first time takes long; once it answered, how old
 * the index is, with Refresh.
 */
export function IndexNotes({
  connectionId,
  list,
  query,
}: {
  connectionId: string;
  list: IndexedList;
  query: { isPending: boolean; data: { table: TableReadDto } | undefined };
}) {
  if (query.isPending) return <IndexBuildingNote list={list} />;
  return query.data ? <IndexStatus connectionId={connectionId} list={list} read={query.data.table} /> : null;
}

/**
 * The voucher and user lists answer from the console's index of Kiwire's tables: this says how old it is and
 * reads the table again on demand (changes made on the appliance itself show after a refresh, or within the
 * background interval).
 */
function IndexStatus({
  connectionId,
  list,
  read,
}: {
  connectionId: string;
  list: IndexedList;
  read: TableReadDto;
}) {
  const t = useTranslations("kiwire");
  const f = useFormats();
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () =>
      callOperation(list === "vouchers" ? "refreshVoucherIndex" : "refreshHotspotUserIndex", {
        params: { connectionId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) }),
  });
  return (
    <>
      <div className="mb-2 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        <span data-testid="index-as-of" title={t("index.readAt", { when: f.dateTime(read.asOf) })}>
          {asOfLabel(read.asOf, list, t, f)}
        </span>
        <Button
          size="sm"
          variant="secondary"
          onClick={refresh.isPending ? undefined : () => refresh.mutate()}
          aria-disabled={refresh.isPending}
          aria-busy={refresh.isPending}
        >
          {refresh.isPending ? t("index.refreshing") : t("index.refresh")}
        </Button>
      </div>
      {refresh.error && (
        <ErrorState
          message={refresh.error.message}
          requestId={refresh.error instanceof ApiRequestError ? refresh.error.requestId : undefined}
          retrying={refresh.isPending}
          onRetry={() => refresh.mutate()}
        />
      )}
    </>
  );
}

/** Only after a moment: a list that answers at once should not flash a message. */
const BUILDING_NOTE_DELAY_MS = 800;

/** Beside the loading skeleton: the first view of a connection waits for its index to be built. */
function IndexBuildingNote({ list }: { list: IndexedList }) {
  const t = useTranslations("kiwire");
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), BUILDING_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
      {t("index.building", { list })}
    </p>
  );
}
