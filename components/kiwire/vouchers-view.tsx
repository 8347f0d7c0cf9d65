"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, parseAsStringLiteral } from "nuqs";
import { type ReactNode, useState } from "react";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { BulkSummary } from "@/components/data-table/bulk-summary";
import { collectPages } from "@/components/data-table/collect-pages";
import { ColumnChooser } from "@/components/data-table/column-chooser";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { defineListState, pageCount } from "@/components/data-table/list-state";
import { type Selection, selectedCount, selectionTargets } from "@/components/data-table/selection";
import { countOf, SelectionToolbar } from "@/components/data-table/selection-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useListState } from "@/components/data-table/use-list-state";
import { useSelection } from "@/components/data-table/use-selection";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery, operationUrl } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";
import { type DeleteTarget, deleteRows, rowsToDelete } from "./delete-rows";
import { HotspotPage } from "./hotspot-page";
import { StatusBadge, StatusFilter } from "./hotspot-status";
import { IndexBuildingNote, IndexStatus } from "./index-status";
import { createdBatchNotice, TableReadNote } from "./table-read";
import { useHotspotPickers } from "./use-hotspot-pickers";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const VoucherGenerate = dynamic(() => import("./voucher-generate").then((module) => module.VoucherGenerate));
const VoucherPrint = dynamic(() => import("./voucher-print").then((module) => module.VoucherPrint));

/** The voucher list has no sort: it shows vouchers in Kiwire's own order, the one "sort" the model needs. */
const KIWIRE_ORDER = ["kiwire"] as const;

const voucherList = defineListState({
  sorts: KIWIRE_ORDER,
  defaultSort: "kiwire",
  defaultDirection: "asc",
  pageSizes: [25, 50, 100, 500],
  defaultPageSize: 50,
  columns: ["profile", "status", "batch", "createdAt", "expiresAt", "remark"],
  defaultColumns: ["profile", "status", "batch", "createdAt", "expiresAt", "remark"],
  filters: {
    batch: parseAsString.withDefault(""),
    status: parseAsStringLiteral(KIWIRE_STATUSES),
    profile: parseAsString.withDefault(""),
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
    q: parseAsString.withDefault(""),
  },
});

/** A batch is at most 1,000 vouchers, and the BFF pages up to 1,000: one request reads a batch or a page of many. */
const READ_ALL_PAGE_SIZE = 1000;
const NOUN = { one: "voucher", other: "vouchers" };
const idOf = (voucher: AccountDto) => voucher.username;

function voucherColumns(
  showBatch: (batch: string) => void,
): readonly ColumnDef<AccountDto, (typeof KIWIRE_ORDER)[number]>[] {
  return [
    {
      id: "code",
      header: "Code",
      cell: (v) => (
        <span className={`font-mono ${v.status === "expired" ? "line-through" : ""}`}>{v.username}</span>
      ),
    },
    { id: "profile", header: "Profile", cell: (v) => v.profile },
    { id: "status", header: "Status", cell: (v) => <StatusBadge status={v.status} /> },
    {
      id: "batch",
      header: "Batch",
      cell: (v) => (
        <button type="button" className="hover:underline" onClick={() => showBatch(v.batch)}>
          {v.batch}
        </button>
      ),
    },
    { id: "createdAt", header: "Created", cell: (v) => v.createdAt ?? "—" },
    { id: "expiresAt", header: "Expires", cell: (v) => v.expiresAt ?? "—" },
    { id: "remark", header: "Remark", cell: (v) => v.remark },
  ];
}

export interface VouchersViewProps {
  connections: ConnectionChoice[];
  /** The person's remembered column choice, for a link that names no columns. */
  savedColumns: string[] | null;
  canWrite: boolean;
}

export function VouchersView({ connections, savedColumns, canWrite }: VouchersViewProps) {
  const { connectionId, connection, choose } = useConnectionChoice(connections);
  const list = useListState(voucherList, savedColumns);
  const queryClient = useQueryClient();
  const { profiles } = useHotspotPickers(connectionId);
  const [generating, setGenerating] = useState(false);
  const [printing, setPrinting] = useState<AccountDto[] | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget<AccountDto> | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const filter: OperationQuery<"exportVouchers"> = {
    ...list.filters,
    status: list.filters.status ?? undefined,
  };
  const selection = useSelection({ idOf, resetKey: connectionId, filterKey: JSON.stringify(filter) });
  const bulk = useBulkAction(idOf);
  const vouchers = useQuery({
    ...kiwireQueries.vouchers(connectionId, { ...filter, page: list.page, pageSize: list.pageSize }),
    enabled: connectionId !== "",
  });

  const collectMatching = (signal: AbortSignal) =>
    collectPages((page) =>
      callOperation(
        "listVouchers",
        { params: { connectionId }, query: { ...filter, page, pageSize: READ_ALL_PAGE_SIZE } },
        { signal },
      ),
    );
  const selectedVouchers = (signal: AbortSignal) =>
    selectionTargets(selection.selection, idOf, collectMatching, signal);
  const exportHref = (query: OperationQuery<"exportVouchers">) =>
    operationUrl("exportVouchers", { params: { connectionId }, query });
  /** Reads the rows first when they are not all at hand (every matching row), then shows or downloads them. */
  const withSelected = async (use: (vouchers: AccountDto[]) => void) => {
    setActionError(null);
    try {
      use(await selectedVouchers(new AbortController().signal));
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
  const runDelete = (target: DeleteTarget<AccountDto>) => {
    setDeleting(null);
    setNotice(null);
    deleteRows(target, {
      bulk,
      selection,
      collectMatching,
      remove: (voucher) =>
        callOperation("deleteVoucher", { params: { connectionId, code: voucher.username } }),
      onFinished: () =>
        void queryClient.invalidateQueries({ queryKey: kiwireQueries.connection(connectionId) }),
    });
  };

  const data = vouchers.data;
  const pages = pageCount(data?.totalItems ?? 0, list.pageSize);
  const columns = voucherColumns((batch) => list.setFilters({ batch }));
  // A selection a link can name: the ticked codes, or the filter itself when nothing was unticked from it.
  const selectionHref = selectionExportHref(selection.selection, filter, exportHref);

  return (
    <HotspotPage
      title="Hotspot vouchers"
      description="Vouchers on a Kiwire hotspot: generate a batch, print it as cards or slips, export it."
      actions={canWrite ? <Button onClick={() => setGenerating(true)}>Generate vouchers</Button> : undefined}
      connections={connections}
      connectionId={connectionId}
      onConnectionChange={(id) => {
        choose(id);
        // Batches are the other hotspot's: the filter would match nothing there.
        list.setFilters({ batch: null });
      }}
      filterColumns={4}
      filters={
        <>
          <SelectField
            label="Batch"
            value={list.filters.batch}
            onChange={(event) => list.setFilters({ batch: event.currentTarget.value || null })}
            options={[
              { value: "", label: "All batches" },
              ...(data?.batches ?? []).map((b) => ({ value: b, label: b })),
            ]}
          />
          <StatusFilter value={list.filters.status} onChange={(status) => list.setFilters({ status })} />
          <SelectField
            label="Profile"
            value={list.filters.profile}
            onChange={(event) => list.setFilters({ profile: event.currentTarget.value || null })}
            options={[
              { value: "", label: "Any profile" },
              ...(profiles.data?.items ?? []).map((p) => ({ value: p.name, label: p.name })),
            ]}
          />
          <form
            key={`${list.filters.q}|${list.filters.from}|${list.filters.to}`}
            aria-label="Filter vouchers"
            className="grid items-end gap-3 sm:col-span-4 sm:grid-cols-4"
            onSubmit={submitWith((form) =>
              list.setFilters({
                q: String(form.get("q") ?? "").trim() || null,
                from: String(form.get("from") ?? "") || null,
                to: String(form.get("to") ?? "") || null,
              }),
            )}
          >
            <TextField label="Code contains" name="q" defaultValue={list.filters.q} />
            <TextField label="Created from" name="from" type="date" defaultValue={list.filters.from} />
            <TextField label="Created to" name="to" type="date" defaultValue={list.filters.to} />
            <Button type="submit">Apply</Button>
          </form>
          <div className="sm:col-span-4">
            <ColumnChooser table="kiwire-vouchers" list={list} columns={columns} />
          </div>
        </>
      }
    >
      {notice && (
        <p
          role="status"
          className={`mb-2 text-sm ${notice.warn ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {notice.text}
        </p>
      )}
      {actionError && <ErrorState message={actionError} onDismiss={() => setActionError(null)} />}
      {vouchers.isPending && <IndexBuildingNote noun="voucher" />}
      {data && <IndexStatus connectionId={connectionId} list="vouchers" read={data.table} />}
      <BulkSummary bulk={bulk} noun={NOUN} rowLabel={idOf} />
      {data && (
        <div
          role="toolbar"
          aria-label="Voucher actions"
          className="mb-2 flex flex-wrap items-center gap-2 text-sm"
        >
          {list.filters.batch ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => void printBatch()}>
                Print batch
              </Button>
              <DownloadLink href={exportHref({ batch: list.filters.batch })}>Export batch CSV</DownloadLink>
            </>
          ) : (
            <DownloadLink href={exportHref(filter)}>Export CSV</DownloadLink>
          )}
        </div>
      )}
      <SelectionToolbar
        controls={selection}
        bulk={bulk}
        pageRows={data?.items ?? []}
        total={data?.totalItems ?? 0}
        noun={NOUN}
      >
        <Button size="sm" variant="secondary" onClick={() => void withSelected(setPrinting)}>
          Print selected
        </Button>
        {selectionHref ? (
          <DownloadLink href={selectionHref}>Export selected CSV</DownloadLink>
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
            Export selected CSV
          </Button>
        )}
        {canWrite && (
          <Button size="sm" variant="danger" onClick={() => setDeleting({ kind: "selection" })}>
            Delete selected
          </Button>
        )}
      </SelectionToolbar>
      <DataTable
        label="Vouchers"
        list={list}
        columns={columns}
        rows={data?.items}
        query={vouchers}
        empty={<EmptyState title="No vouchers match">Change the filters.</EmptyState>}
        summary={
          <span data-testid="voucher-count">
            {countOf(data?.totalItems ?? 0, NOUN)} · page {list.page} of {pages}
            {data && <TableReadNote read={data.table} noun="vouchers" />}
          </span>
        }
        pages={pages}
        rowKey={idOf}
        rowTestId={(voucher) => `voucher-row-${voucher.username}`}
        selection={{ controls: selection, rowLabel: idOf }}
        actions={
          canWrite
            ? (voucher) => (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={bulk.busy}
                  onClick={() => setDeleting({ kind: "row", row: voucher })}
                >
                  Delete
                </Button>
              )
            : undefined
        }
      />
      {generating && (
        <VoucherGenerate
          connectionId={connectionId}
          onClose={() => setGenerating(false)}
          onCreated={(created) => {
            setGenerating(false);
            selection.clear();
            const { text, complete } = createdBatchNotice(created);
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
      <ConfirmDialog
        open={deleting !== null}
        {...deleteConfirmation(deleting, selection.selection)}
        confirmLabel="Delete"
        danger
        pending={bulk.busy}
        onConfirm={() => deleting && runDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </HotspotPage>
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
  target: DeleteTarget<AccountDto> | null,
  selection: Selection<AccountDto>,
): { title: string; message: ReactNode } {
  const rows = rowsToDelete(target, selection);
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: `Delete voucher ${only.username}?`,
      message: <p>Voucher {only.username} can no longer be used to log in; Kiwire keeps it as expired.</p>,
    };
  }
  const count = countOf(rows?.length ?? selectedCount(selection), NOUN);
  return {
    title: `Delete ${count}?`,
    message: (
      <p>
        {rows ? `Vouchers ${rows.map(idOf).join(", ")}` : `Every voucher matching the filter (${count})`} can
        no longer be used to log in; Kiwire keeps them as expired.
      </p>
    ),
  };
}
