"use client";

import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { type ReactNode, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, orderAndPage, type SortDirection } from "@/components/data-table/list-state";
import type { CountOf } from "@/components/data-table/noun";
import {
  DeleteRowButton,
  DeleteRowsDialog,
  deleteSelection,
} from "@/components/data-table/row-delete-controls";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { ExtensionDto } from "@/lib/api/kerio-extensions";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import type { ConnectionListSource } from "@/lib/connection-kinds";
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
  columns: ["description", "sipUsername", "status", "owner", "permission"],
  filters: { q: parseAsString.withDefault("") },
});

/** The most the BFF pages at once: a bulk action over every matching row reads them in as few requests as it can. */
const COLLECT_PAGE_SIZE = 500;
const NOUN = { one: "extension", other: "extensions" };
const idOf = (extension: ExtensionDto) => extension.number;

/** The list state as the BFF takes it; an empty search is left out. */
function listQuery(list: {
  sort: ExtensionSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
  filters: { q: string };
}): OperationQuery<"listExtensions"> {
  return { ...orderAndPage(list), ...(list.filters.q && { q: list.filters.q }) };
}

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
  source: ConnectionListSource;
  canWrite: boolean;
}

export function ExtensionsView({ source, canWrite }: ExtensionsViewProps) {
  const server = useServerList(source, {
    model: extensionList,
    query: (connectionId, list) => extensionQueries.list(connectionId, listQuery(list)),
  });
  const { connectionId, list } = server;
  const [creating, setCreating] = useState(false);
  // The extension whose edit dialog is open, in the URL: a link (the command palette's) opens it.
  const [editNumber, setEditNumber] = useQueryState("extension", parseAsString.withDefault(""));
  const [importing, setImporting] = useState(false);
  const selection = useListSelection({
    idOf,
    server,
    fetchPage: (page, signal) =>
      callOperation(
        "listExtensions",
        { params: { connectionId }, query: { ...listQuery(list), page, pageSize: COLLECT_PAGE_SIZE } },
        { signal },
      ),
  });
  const deletion = useRowDelete(selection, {
    remove: (extension) =>
      callOperation("deleteExtension", { params: { connectionId, number: extension.number } }),
    invalidates: extensionQueries.connection(connectionId),
  });
  const editing =
    canWrite && editNumber ? server.rows?.find((extension) => extension.number === editNumber) : undefined;

  return (
    <ConnectionPage
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
      connection={server}
      filterColumns={3}
      filters={
        <ListSearch
          label="Search extensions"
          value={list.filters.q}
          placeholder="number, SIP user, description, owner"
          onSearch={(q) => list.setFilters({ q })}
          className="sm:col-span-2"
        />
      }
    >
      <DataTable
        label="Extensions"
        source={server}
        columnChooser="kerio-extensions"
        columns={COLUMNS}
        empty={<EmptyState title="No extensions match">Clear the search.</EmptyState>}
        noun={NOUN}
        countTestId="extension-count"
        rowKey={(extension) => String(extension.guid)}
        rowTestId={(extension) => `extension-row-${extension.number}`}
        selection={deleteSelection(canWrite, selection, deletion)}
        actions={
          canWrite
            ? (extension) => (
                <>
                  <Button variant="ghost" size="sm" onClick={() => void setEditNumber(extension.number)}>
                    Edit
                  </Button>
                  <DeleteRowButton deletion={deletion} row={extension} />
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
      <DeleteRowsDialog
        deletion={deletion}
        confirmation={(scope, countOf) => deleteConfirmation(scope, list.filters.q, countOf)}
      />
    </ConnectionPage>
  );
}

/** The confirmation names what goes: the one extension, the ticked numbers, or the filter and its count. */
function deleteConfirmation(
  { rows, count, excluded }: DeleteScope<ExtensionDto>,
  q: string,
  countOf: CountOf,
): { title: string; message: ReactNode } {
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
  const counted = countOf(count, NOUN);
  return {
    title: `Delete ${counted}?`,
    message: (
      <p>
        Every extension{q ? ` matching “${q}”` : ""}
        {excluded > 0 ? `, but the ${excluded} unticked,` : ""} is removed from the PBX: {counted}.
      </p>
    ),
  };
}
