"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { type ReactNode, useState } from "react";
import {
  ConnectionPicker,
  NoConnectionState,
  useConnectionChoice,
} from "@/components/connections/connection-picker";
import { BulkSummary } from "@/components/data-table/bulk-summary";
import { collectPages } from "@/components/data-table/collect-pages";
import { ColumnChooser } from "@/components/data-table/column-chooser";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, pageCount } from "@/components/data-table/list-state";
import { type Selection, selectedCount, selectionTargets } from "@/components/data-table/selection";
import { countOf, SelectionToolbar } from "@/components/data-table/selection-toolbar";
import { useBulkAction } from "@/components/data-table/use-bulk-action";
import { useListState } from "@/components/data-table/use-list-state";
import { useSelection } from "@/components/data-table/use-selection";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { ExtensionDto } from "@/lib/api/kerio-extensions";
import { callOperation } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import {
  CALL_PERMISSION_LABELS,
  EXTENSION_SORTS,
  type ExtensionSort,
} from "@/lib/kerio-extensions-vocabulary";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const ExtensionForm = dynamic(() => import("./extension-form").then((module) => module.ExtensionForm));
const ExtensionImport = dynamic(() => import("./extension-import").then((module) => module.ExtensionImport));

const extensionList = defineListState({
  sorts: EXTENSION_SORTS,
  defaultSort: "number",
  defaultDirection: "asc",
  pageSizes: [25, 50, 100],
  defaultPageSize: 50,
  columns: ["description", "sipUsername", "status", "owner", "permission"],
  defaultColumns: ["description", "sipUsername", "status", "owner", "permission"],
  filters: { q: parseAsString.withDefault("") },
});

/** The most the BFF pages at once: a bulk action over every matching row reads them in as few requests as it can. */
const COLLECT_PAGE_SIZE = 500;
const NOUN = { one: "extension", other: "extensions" };

function RegistrationBadge({ extension }: { extension: ExtensionDto }) {
  if (extension.multiRegistration) {
    const online = extension.lines.filter((line) => line.registered).length;
    return (
      <Badge tone={online > 0 ? "good" : "neutral"}>
        {online}/{extension.lines.length} registered
      </Badge>
    );
  }
  return extension.registered ? <Badge tone="good">registered</Badge> : <Badge>offline</Badge>;
}

const COLUMNS: readonly ColumnDef<ExtensionDto, ExtensionSort>[] = [
  {
    id: "number",
    header: "Number",
    sort: "number",
    className: "font-mono",
    cell: (extension) => (
      <>
        {extension.number}
        {extension.multiRegistration && (
          <ul
            aria-label={`Lines of ${extension.number}`}
            className="mt-1 text-xs text-slate-600 dark:text-slate-400"
          >
            {extension.lines.map((line) => (
              <li key={line.guid}>
                {line.sipUsername} · {line.registered ? "registered" : "offline"}
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  },
  { id: "description", header: "Description", sort: "description", cell: (e) => e.description },
  {
    id: "sipUsername",
    header: "SIP user",
    sort: "sipUsername",
    cell: (e) => (e.multiRegistration ? `${e.lines.length} lines` : e.sipUsername),
  },
  { id: "status", header: "Registration", cell: (e) => <RegistrationBadge extension={e} /> },
  { id: "owner", header: "Owner", sort: "owner", cell: (e) => e.owner?.fullName ?? "—" },
  {
    id: "permission",
    header: "Call permission",
    cell: (e) => CALL_PERMISSION_LABELS[e.callPermission] ?? e.callPermission,
  },
];

export interface ExtensionsViewProps {
  connections: ConnectionChoice[];
  /** The person's remembered column choice, for a link that names no columns. */
  savedColumns: string[] | null;
  canWrite: boolean;
}

/** What a delete acts on: one row's own Delete, or the selection (ticked rows or every matching row). */
type DeleteTarget = { kind: "row"; extension: ExtensionDto } | { kind: "selection" };

export function ExtensionsView({ connections, savedColumns, canWrite }: ExtensionsViewProps) {
  const { connectionId, choose } = useConnectionChoice(connections);
  const list = useListState(extensionList, savedColumns);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  // The extension whose edit dialog is open, in the URL: a link (the command palette's) opens it.
  const [editNumber, setEditNumber] = useQueryState("extension", parseAsString.withDefault(""));
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const idOf = (extension: ExtensionDto) => extension.number;
  const selection = useSelection({ idOf, resetKey: connectionId, filterKey: list.filters.q });
  const bulk = useBulkAction(idOf);

  const listQuery = {
    sort: list.sort,
    dir: list.dir,
    page: list.page,
    pageSize: list.pageSize,
    ...(list.filters.q && { q: list.filters.q }),
  };
  const extensions = useQuery({
    ...extensionQueries.list(connectionId, listQuery),
    enabled: connectionId !== "",
  });

  const collectMatching = (signal: AbortSignal) =>
    collectPages((page) =>
      callOperation(
        "listExtensions",
        { params: { connectionId }, query: { ...listQuery, page, pageSize: COLLECT_PAGE_SIZE } },
        { signal },
      ),
    );
  const runDelete = (target: DeleteTarget) => {
    setDeleting(null);
    void bulk.start({
      verb: { progress: "Deleting", done: "deleted" },
      rows: (signal) =>
        target.kind === "row"
          ? Promise.resolve([target.extension])
          : selectionTargets(selection.selection, idOf, collectMatching, signal),
      // One request per extension: each delete is audited with its own number.
      act: (extension) =>
        callOperation("deleteExtension", { params: { connectionId, number: extension.number } }),
      onFinished: (outcomes) => {
        selection.settle(outcomes, target.kind === "selection");
        void queryClient.invalidateQueries({ queryKey: extensionQueries.connection(connectionId) });
      },
    });
  };
  if (connections.length === 0) {
    return (
      <>
        <PageHeader title="PBX extensions" description="Extensions on a Kerio Operator PBX." />
        <NoConnectionState kind="kerio-operator" />
      </>
    );
  }

  const data = extensions.data;
  const items = data?.items ?? [];
  const editing =
    canWrite && editNumber ? items.find((extension) => extension.number === editNumber) : undefined;
  const pages = pageCount(data?.totalItems ?? 0, list.pageSize);

  return (
    <>
      <PageHeader
        title="PBX extensions"
        description="Extensions on a Kerio Operator PBX, read live from the appliance."
        actions={
          canWrite ? (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setImporting(true)}>
                Import CSV
              </Button>
              <Button onClick={() => setCreating(true)}>New extension</Button>
            </div>
          ) : undefined
        }
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <ConnectionPicker
          label="PBX"
          connections={connections}
          value={connectionId}
          onChange={(id) => {
            choose(id);
            list.goToPage(1);
          }}
        />
        <ListSearch
          label="Search extensions"
          value={list.filters.q}
          placeholder="number, SIP user, description, owner"
          onSearch={(q) => list.setFilters({ q })}
          className="sm:col-span-2"
        />
        <div className="sm:col-span-3">
          <ColumnChooser table="kerio-extensions" list={list} columns={COLUMNS} />
        </div>
      </div>
      <BulkSummary bulk={bulk} noun={NOUN} rowLabel={idOf} />
      {canWrite && (
        <SelectionToolbar
          controls={selection}
          bulk={bulk}
          pageRows={items}
          total={data?.totalItems ?? 0}
          noun={NOUN}
        >
          <Button variant="danger" size="sm" onClick={() => setDeleting({ kind: "selection" })}>
            Delete selected
          </Button>
        </SelectionToolbar>
      )}
      <DataTable
        label="Extensions"
        list={list}
        columns={COLUMNS}
        rows={data?.items}
        query={extensions}
        empty={<EmptyState title="No extensions match">Clear the search.</EmptyState>}
        summary={
          <span data-testid="extension-count">
            {countOf(data?.totalItems ?? 0, NOUN)} · page {list.page} of {pages}
          </span>
        }
        pages={pages}
        rowKey={(extension) => String(extension.guid)}
        rowTestId={(extension) => `extension-row-${extension.number}`}
        selection={canWrite ? { controls: selection, rowLabel: idOf } : undefined}
        actions={
          canWrite
            ? (extension) => (
                <>
                  <Button variant="ghost" size="sm" onClick={() => void setEditNumber(extension.number)}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={bulk.busy}
                    onClick={() => setDeleting({ kind: "row", extension })}
                  >
                    Delete
                  </Button>
                </>
              )
            : undefined
        }
      />
      {creating && <ExtensionForm connectionId={connectionId} onClose={() => setCreating(false)} />}
      {editing && !creating && (
        <ExtensionForm
          key={editing.number}
          connectionId={connectionId}
          extension={editing}
          onClose={() => void setEditNumber(null)}
        />
      )}
      {importing && <ExtensionImport connectionId={connectionId} onClose={() => setImporting(false)} />}
      <ConfirmDialog
        open={deleting !== null}
        {...deleteConfirmation(deleting, selection.selection, list.filters.q)}
        confirmLabel="Delete"
        danger
        pending={bulk.busy}
        onConfirm={() => deleting && runDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

/** The confirmation names what goes: the one extension, the ticked numbers, or the filter and its count. */
function deleteConfirmation(
  target: DeleteTarget | null,
  selection: Selection<ExtensionDto>,
  q: string,
): { title: string; message: ReactNode } {
  const rows =
    target?.kind === "row"
      ? [target.extension]
      : selection.scope === "rows"
        ? [...selection.rows.values()]
        : null;
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    return {
      title: `Delete extension ${only.number}?`,
      message: (
        <p>
          Extension <strong>{only.number}</strong>
          {only.description ? ` (${only.description})` : ""} is removed from the PBX; phones registered with
          it stop working.
        </p>
      ),
    };
  }
  if (rows) {
    return {
      title: `Delete ${countOf(rows.length, NOUN)}?`,
      message: <p>Extensions {rows.map((row) => row.number).join(", ")} are removed from the PBX.</p>,
    };
  }
  const count = countOf(selectedCount(selection), NOUN);
  return {
    title: `Delete ${count}?`,
    message: (
      <p>
        Every extension{q ? ` matching “${q}”` : ""}
        {selection.scope === "matching" && selection.excluded.size > 0
          ? `, but the ${selection.excluded.size} unticked,`
          : ""}{" "}
        is removed from the PBX: {count}.
      </p>
    ),
  };
}
