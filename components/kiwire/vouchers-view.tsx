"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, parseAsStringLiteral, type Values } from "nuqs";
import { type ReactNode, useRef, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import { defineListState } from "@/components/data-table/list-state";
import type { CountOf } from "@/components/data-table/noun";
import {
  DeleteRowButton,
  DeleteRowsDialog,
  DeleteSelectedButton,
} from "@/components/data-table/row-delete-controls";
import type { Selection } from "@/components/data-table/selection";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { useSlashToSearch } from "@/components/data-table/use-slash-to-search";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { AccountDto } from "@/lib/api/kiwire";
import { callOperation, type OperationQuery, operationUrl } from "@/lib/client/call-operation";
import { submitWith } from "@/lib/client/form-submit";
import { kiwireQueries } from "@/lib/client/queries/kiwire";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import { KIWIRE_STATUSES } from "@/lib/kiwire-vocabulary";
import { StatusBadge, StatusFilter } from "./hotspot-status";
import { IndexNotes } from "./index-status";
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
  pageSizes: [25, 50, 100, 500],
  defaultPageSize: 50,
  columns: ["profile", "status", "batch", "createdAt", "expiresAt", "remark"],
  filters: {
    batch: parseAsString.withDefault(""),
    status: parseAsStringLiteral(KIWIRE_STATUSES),
    profile: parseAsString.withDefault(""),
    from: parseAsString.withDefault(""),
    to: parseAsString.withDefault(""),
    expires: parseAsString.withDefault(""),
    q: parseAsString.withDefault(""),
  },
});

/** A batch is at most 1,000 vouchers, and the BFF pages up to 1,000: one request reads a batch or a page of many. */
const READ_ALL_PAGE_SIZE = 1000;
const NOUN = { one: "voucher", other: "vouchers" };
const idOf = (voucher: AccountDto) => voucher.username;

/** The URL's filters as the BFF takes them (the export takes the same), without the page. */
function filterOf(filters: Values<typeof voucherList.filters>): OperationQuery<"exportVouchers"> {
  return { ...filters, status: filters.status ?? undefined };
}

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
  source: ConnectionListSource;
  canWrite: boolean;
}

export function VouchersView({ source, canWrite }: VouchersViewProps) {
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
  const filterForm = useRef<HTMLFormElement>(null);
  useSlashToSearch(filterForm);
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
  const columns = voucherColumns((batch) => list.setFilters({ batch }));
  // A selection a link can name: the ticked codes, or the filter itself when nothing was unticked from it.
  const selectionHref = selectionExportHref(selection.controls.selection, filter, exportHref);

  return (
    <ConnectionPage
      title="Hotspot vouchers"
      description="Vouchers on a Kiwire hotspot: generate a batch, print it as cards or slips, export it."
      actions={canWrite ? <Button onClick={() => setGenerating(true)}>Generate vouchers</Button> : undefined}
      connection={server}
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
            ref={filterForm}
            key={`${list.filters.q}|${list.filters.from}|${list.filters.to}|${list.filters.expires}`}
            aria-label="Filter vouchers"
            className="grid items-end gap-3 sm:col-span-4 sm:grid-cols-5"
            onSubmit={submitWith((form) =>
              list.setFilters({
                q: String(form.get("q") ?? "").trim() || null,
                from: String(form.get("from") ?? "") || null,
                to: String(form.get("to") ?? "") || null,
                expires: String(form.get("expires") ?? "") || null,
              }),
            )}
          >
            <TextField label="Code contains" name="q" defaultValue={list.filters.q} aria-keyshortcuts="/" />
            <TextField label="Created from" name="from" type="date" defaultValue={list.filters.from} />
            <TextField label="Created to" name="to" type="date" defaultValue={list.filters.to} />
            <TextField label="Expires on" name="expires" type="date" defaultValue={list.filters.expires} />
            <Button type="submit">Apply</Button>
          </form>
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
      <IndexNotes connectionId={connectionId} list="vouchers" query={server.query} />
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
      <DataTable
        label="Vouchers"
        source={server}
        columnChooser="kiwire-vouchers"
        columns={columns}
        empty={<EmptyState title="No vouchers match">Change the filters.</EmptyState>}
        noun={NOUN}
        countTestId="voucher-count"
        countNote={data && <TableReadNote read={data.table} noun="vouchers" />}
        rowKey={idOf}
        rowTestId={(voucher) => `voucher-row-${voucher.username}`}
        selection={{
          rows: selection,
          actions: (
            <>
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
      <DeleteRowsDialog deletion={deletion} confirmation={deleteConfirmation} />
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
  countOf: CountOf,
): { title: string; message: ReactNode } {
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: `Delete voucher ${only.username}?`,
      message: <p>Voucher {only.username} can no longer be used to log in; Kiwire keeps it as expired.</p>,
    };
  }
  const counted = countOf(count, NOUN);
  return {
    title: `Delete ${counted}?`,
    message: (
      <p>
        {rows ? `Vouchers ${rows.map(idOf).join(", ")}` : `Every voucher matching the filter (${counted})`}{" "}
        can no longer be used to log in; Kiwire keeps them as expired.
      </p>
    ),
  };
}
