"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { Values } from "nuqs";
import { type ReactNode, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import type { DeleteRowsDialog as DeleteRowsDialogType } from "@/components/data-table/delete-rows-dialog";
import { cleared } from "@/components/data-table/filter-chips";
import { defineListState } from "@/components/data-table/list-state";
import { DeleteRowButton, DeleteSelectedButton } from "@/components/data-table/row-delete-controls";
import type { Selection } from "@/components/data-table/selection";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery, operationUrl } from "@/lib/client/call-operation";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";
import { StatusBadge } from "./hotspot-status";
import { IndexNotes } from "./index-status";
import { createdBatchNotice, TableReadNote } from "./table-read";
import { useHotspotPickers } from "./use-hotspot-pickers";
import { VoucherFiltersForm, voucherFilterParsers } from "./voucher-filters";

// The delete confirmation loads after the page, not with it: a list shows before anyone deletes.
const DeleteRowsDialog = dynamic(() =>
  import("@/components/data-table/delete-rows-dialog").then((module) => module.DeleteRowsDialog),
) as typeof DeleteRowsDialogType;

const VOUCHER_FILTER_KEYS = Object.keys(voucherFilterParsers) as (keyof typeof voucherFilterParsers)[];

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const VoucherGenerate = dynamic(() => import("./voucher-generate").then((module) => module.VoucherGenerate));
const VoucherPrint = dynamic(() => import("./voucher-print").then((module) => module.VoucherPrint));

/** The voucher list has no sort: it shows vouchers in Kiwire's own order, the one "sort" the model needs. */
const KIWIRE_ORDER = ["kiwire"] as const;

const voucherList = defineListState({
  sorts: KIWIRE_ORDER,
  defaultSort: "kiwire",
  pageSizes: [25, 50, 100, 500],
  defaultPageSize: 50,
  columns: ["profile", "status", "batch", "createdAt", "expiresAt", "remark"],
  filters: voucherFilterParsers,
});

/** A batch is at most 1,000 vouchers, and the BFF pages up to 1,000: one request reads a batch or a page of many. */
const READ_ALL_PAGE_SIZE = 1000;
const idOf = (voucher: AccountDto) => voucher.username;

/** The URL's filters as the BFF takes them (the export takes the same), without the page. */
function filterOf(filters: Values<typeof voucherList.filters>): OperationQuery<"exportVouchers"> {
  return { ...filters, status: filters.status ?? undefined };
}

/** Created and expiry times are the appliance's wall clock as Kiwire wrote them, shown as they came. */
function voucherColumns(
  showBatch: (batch: string) => void,
  t: Translate<"kiwire">,
): readonly ColumnDef<AccountDto, (typeof KIWIRE_ORDER)[number]>[] {
  return [
    {
      id: "code",
      header: t("columns.code"),
      cell: (v) => (
        <span className={`font-mono ${v.status === "expired" ? "line-through" : ""}`}>{v.username}</span>
      ),
    },
    { id: "profile", header: t("columns.profile"), cell: (v) => v.profile },
    { id: "status", header: t("columns.status"), cell: (v) => <StatusBadge status={v.status} /> },
    {
      id: "batch",
      header: t("columns.batch"),
      cell: (v) => (
        <button type="button" className="hover:underline" onClick={() => showBatch(v.batch)}>
          {v.batch}
        </button>
      ),
    },
    { id: "createdAt", header: t("columns.created"), cell: (v) => v.createdAt ?? "—" },
    { id: "expiresAt", header: t("columns.expires"), cell: (v) => v.expiresAt ?? "—" },
    { id: "remark", header: t("columns.remark"), cell: (v) => v.remark },
  ];
}

export interface VouchersViewProps {
  source: ConnectionListSource;
  canWrite: boolean;
}

export function VouchersView({ source, canWrite }: VouchersViewProps) {
  const t = useTranslations("kiwire");
  const server = useServerList(source, {
    model: voucherList,
    query: (connectionId, list) =>
      kiwireQueries.vouchers(connectionId, {
        ...filterOf(list.filters),
        page: list.page,
        pageSize: list.pageSize,
      }),
    // Batches are the other hotspot's: the filter would match nothing there.
    connectionFilters: { batch: null },
  });
  const { connectionId, connection, list } = server;
  const queryClient = useQueryClient();
  const { profiles } = useHotspotPickers(connectionId);
  const [generating, setGenerating] = useState(false);
  const [printing, setPrinting] = useState<AccountDto[] | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const filter = filterOf(list.filters);
  const selection = useListSelection({
    idOf,
    server,
    fetchPage: (page, signal) =>
      callOperation(
        "listVouchers",
        { params: { connectionId }, query: { ...filter, page, pageSize: READ_ALL_PAGE_SIZE } },
        { signal },
      ),
  });
  const deletion = useRowDelete(selection, {
    remove: (voucher) => callOperation("deleteVoucher", { params: { connectionId, code: voucher.username } }),
    invalidates: kiwireQueries.connection(connectionId),
  });
  const exportHref = (query: OperationQuery<"exportVouchers">) =>
    operationUrl("exportVouchers", { params: { connectionId }, query });
  /** Reads the rows first when they are not all at hand (every matching row), then shows or downloads them. */
  const withSelected = async (use: (vouchers: AccountDto[]) => void) => {
    setActionError(null);
    try {
      use(await selection.targets(new AbortController().signal));
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error));
    }
  };
  const printBatch = async () => {
    setActionError(null);
    try {
      const batch = await queryClient.fetchQuery(
        kiwireQueries.vouchers(connectionId, { batch: list.filters.batch, pageSize: READ_ALL_PAGE_SIZE }),
      );
      setPrinting(batch.items);
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error));
    }
  };

  const data = server.query.data;
  const columns = voucherColumns((batch) => list.setFilters({ batch }), t);
  // A selection a link can name: the ticked codes, or the filter itself when nothing was unticked from it.
  const selectionHref = selectionExportHref(selection.controls.selection, filter, exportHref);

  return (
    <ConnectionPage
      title={t("vouchers.title")}
      description={t("vouchers.description")}
      actions={
        canWrite ? <Button onClick={() => setGenerating(true)}>{t("vouchers.generate")}</Button> : undefined
      }
      connection={server}
    >
      <VoucherFiltersForm
        filters={list.filters}
        batches={data?.batches ?? []}
        profiles={(profiles.data?.items ?? []).map((profile) => profile.name)}
        onApply={list.setFilters}
        onReset={(keys) => list.setFilters(cleared(keys))}
        onClear={() => list.setFilters(cleared(VOUCHER_FILTER_KEYS))}
      />
      {notice && (
        <p
          role="status"
          className={`mb-2 text-sm ${notice.warn ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {notice.text}
        </p>
      )}
      {actionError && <ErrorState message={actionError} onDismiss={() => setActionError(null)} />}
      <IndexNotes connectionId={connectionId} list="vouchers" query={server.query} />
      {data && (
        <div
          role="toolbar"
          aria-label={t("vouchers.actions")}
          className="mb-2 flex flex-wrap items-center gap-2 text-sm"
        >
          {list.filters.batch ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => void printBatch()}>
                {t("vouchers.printBatch")}
              </Button>
              <DownloadLink href={exportHref({ batch: list.filters.batch })}>
                {t("vouchers.exportBatch")}
              </DownloadLink>
            </>
          ) : (
            <DownloadLink href={exportHref(filter)}>{t("vouchers.exportAll")}</DownloadLink>
          )}
        </div>
      )}
      <DataTable
        label={t("vouchers.table")}
        source={server}
        columnChooser="kiwire-vouchers"
        columns={columns}
        empty={<EmptyState title={t("vouchers.empty")}>{t("vouchers.emptyHint")}</EmptyState>}
        noun={{ one: t("vouchers.noun.one"), other: t("vouchers.noun.other") }}
        countTestId="voucher-count"
        countNote={data && <TableReadNote read={data.table} list="vouchers" />}
        rowKey={idOf}
        rowTestId={(voucher) => `voucher-row-${voucher.username}`}
        selection={{
          rows: selection,
          actions: (
            <>
              <Button size="sm" variant="secondary" onClick={() => void withSelected(setPrinting)}>
                {t("vouchers.printSelected")}
              </Button>
              {selectionHref ? (
                <DownloadLink href={selectionHref}>{t("vouchers.exportSelected")}</DownloadLink>
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() =>
                    void withSelected((rows) =>
                      window.location.assign(exportHref({ codes: rows.map(idOf).join(",") })),
                    )
                  }
                >
                  {t("vouchers.exportSelected")}
                </Button>
              )}
              {canWrite && <DeleteSelectedButton deletion={deletion} />}
            </>
          ),
        }}
        actions={canWrite ? (voucher) => <DeleteRowButton deletion={deletion} row={voucher} /> : undefined}
      />
      {generating && (
        <VoucherGenerate
          connectionId={connectionId}
          onClose={() => setGenerating(false)}
          onCreated={(created) => {
            setGenerating(false);
            selection.controls.clear();
            const { text, complete } = createdBatchNotice(created, t);
            setNotice({ text, warn: !complete });
            list.setFilters({
              batch: created.batch,
              status: null,
              profile: null,
              from: null,
              to: null,
              q: null,
            });
          }}
        />
      )}
      {printing && (
        <VoucherPrint
          connectionId={connectionId}
          vouchers={printing}
          siteName={connection?.name ?? ""}
          onClose={() => setPrinting(null)}
        />
      )}
      <DeleteRowsDialog deletion={deletion} confirmation={(scope) => deleteConfirmation(scope, t)} />
    </ConnectionPage>
  );
}

function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700" href={href} download>
      {children}
    </a>
  );
}

/**
 * The export link of a selection, or null when only the rows themselves can say it (every matching voucher but
 * some unticked): the view then reads them before downloading.
 */
function selectionExportHref(
  selection: Selection<AccountDto>,
  filter: OperationQuery<"exportVouchers">,
  exportHref: (query: OperationQuery<"exportVouchers">) => string,
): string | null {
  if (selection.scope === "rows") return exportHref({ codes: [...selection.rows.keys()].join(",") });
  return selection.excluded.size === 0 ? exportHref(filter) : null;
}

/** The confirmation names what goes: the one voucher, the ticked codes, or the count matching the filter. */
function deleteConfirmation(
  { rows, count }: DeleteScope<AccountDto>,
  t: Translate<"kiwire">,
): { title: string; message: ReactNode } {
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: t("vouchers.deleteOne", { code: only.username }),
      message: <p>{t("vouchers.deleteOneMessage", { code: only.username })}</p>,
    };
  }
  return {
    title: t("vouchers.deleteMany", { count }),
    message: (
      <p>
        {rows
          ? t("vouchers.deleteNamedMessage", { codes: rows.map(idOf).join(", ") })
          : t("vouchers.deleteMatchingMessage", { count })}
      </p>
    ),
  };
}
