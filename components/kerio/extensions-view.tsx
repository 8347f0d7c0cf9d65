"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { ListFooter } from "@/components/ui/list-footer";
import { PageHeader } from "@/components/ui/page-header";
import { SortableTh, sortPressed } from "@/components/ui/sortable-th";
import { EmptyState, ErrorState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionDto } from "@/lib/api/connections";
import type { ExtensionDto, ExtensionPageDto } from "@/lib/api/kerio-extensions";
import { apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { connectionKeys, extensionKeys } from "@/lib/client/query-keys";
import {
  CALL_PERMISSION_LABELS,
  EXTENSION_SORTS,
  type ExtensionSort,
} from "@/lib/kerio-extensions-vocabulary";

// Loaded when first shown, not with the page: what only an open dialog or panel needs stays out of the first load.
const ExtensionForm = dynamic(() => import("./extension-form").then((module) => module.ExtensionForm));
const ExtensionImport = dynamic(() => import("./extension-import").then((module) => module.ExtensionImport));

const COLUMNS = ["description", "sipUsername", "status", "owner", "permission"] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_LABELS: Record<Column, string> = {
  description: "Description",
  sipUsername: "SIP user",
  status: "Registration",
  owner: "Owner",
  permission: "Call permission",
};
const SORTABLE: Partial<Record<Column | "number", ExtensionSort>> = {
  number: "number",
  description: "description",
  sipUsername: "sipUsername",
  owner: "owner",
};
const PAGE_SIZES = [25, 50, 100] as const;

/** All table state lives in the URL, so any view of the PBX is a link an operator can share. */
const searchParams = {
  connection: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(EXTENSION_SORTS).withDefault("number"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
  cols: parseAsArrayOf(parseAsStringLiteral(COLUMNS)).withDefault([...COLUMNS]),
};

export interface ExtensionsViewProps {
  canWrite: boolean;
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

export function ExtensionsView({ canWrite }: ExtensionsViewProps) {
  const [state, setState] = useQueryStates(searchParams);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ExtensionDto | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<ExtensionDto[] | null>(null);
  // Selected rows by number, kept with their row so a selection made across pages deletes exactly those rows.
  const [selected, setSelected] = useState<ReadonlyMap<string, ExtensionDto>>(new Map());
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const connections = useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ConnectionDto[] }>("/api/v1/connections", { signal }),
    select: (data) => data.items.filter((item) => item.kind === "kerio-operator"),
  });
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const pageSize = (PAGE_SIZES as readonly number[]).includes(state.size) ? state.size : 50;
  const listState = { q: state.q, sort: state.sort, dir: state.dir, page: state.page, pageSize };
  const extensions = useQuery({
    queryKey: extensionKeys.list(connectionId, listState),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({
        page: String(state.page),
        pageSize: String(pageSize),
        sort: state.sort,
        dir: state.dir,
        ...(state.q && { q: state.q }),
      });
      return apiFetch<ExtensionPageDto>(
        `/api/v1/kerio/${encodeURIComponent(connectionId)}/extensions?${query}`,
        { signal },
      );
    },
    enabled: connectionId !== "",
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: async (targets: ExtensionDto[]) => {
      const failures: string[] = [];
      // One request per extension: each delete is audited with its own number.
      for (const target of targets) {
        await apiFetch(`/api/v1/kerio/${encodeURIComponent(connectionId)}/extensions/${target.number}`, {
          method: "DELETE",
        })
          .then(() =>
            // Only what was deleted leaves the selection: the rows that failed stay selected to retry.
            setSelected((current) => {
              const next = new Map(current);
              next.delete(target.number);
              return next;
            }),
          )
          .catch((error: Error) => failures.push(`${target.number}: ${error.message}`));
      }
      if (failures.length > 0) throw new Error(`Not deleted: ${failures.join("; ")}`);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: extensionKeys.connection(connectionId) });
    },
    onSuccess: () => setDeleting(null),
    onError: (error) => {
      setDeleting(null);
      setDeleteError(error.message);
    },
  });

  const data = extensions.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalItems / pageSize)) : 1;
  const shown = new Set<Column>(state.cols);
  const items = data?.items ?? [];
  const offPage = [...selected.keys()].filter(
    (number) => !items.some((item) => item.number === number),
  ).length;

  const sortHeader = (column: Column | "number", label: string) => {
    const sort = SORTABLE[column];
    if (!sort) return <Th key={column}>{label}</Th>;
    const active = state.sort === sort;
    return (
      <SortableTh
        key={column}
        label={label}
        direction={active ? state.dir : null}
        onSort={() => void setState(sortPressed(state, sort))}
      />
    );
  };

  return (
    <>
      <PageHeader
        title="PBX extensions"
        description="Extensions on a Kerio Operator PBX, read live from the appliance."
        actions={
          canWrite && connectionId ? (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setImporting(true)}>
                Import CSV
              </Button>
              <Button onClick={() => setEditing("new")}>New extension</Button>
            </div>
          ) : undefined
        }
      />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <SelectField
          label="PBX"
          value={connectionId}
          onChange={(event) => {
            setSelected(new Map());
            void setState({ connection: event.currentTarget.value, page: 1 });
          }}
          options={(connections.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <form
          key={state.q}
          aria-label="Search extensions"
          className="flex items-end gap-2 sm:col-span-2"
          onSubmit={submitWith(
            (form) => void setState({ q: String(form.get("q") ?? "").trim() || null, page: 1 }),
          )}
        >
          <div className="flex-1">
            <TextField
              label="Search"
              name="q"
              defaultValue={state.q}
              placeholder="number, SIP user, description, owner"
            />
          </div>
          <Button type="submit">Search</Button>
        </form>
        <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-3">
          <legend className="mb-1 font-medium">Columns</legend>
          {COLUMNS.map((column) => (
            <label key={column} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={shown.has(column)}
                onChange={() => {
                  const next = shown.has(column)
                    ? state.cols.filter((c) => c !== column)
                    : COLUMNS.filter((c) => c === column || shown.has(c));
                  void setState({ cols: next });
                }}
              />
              {COLUMN_LABELS[column]}
            </label>
          ))}
        </fieldset>
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kerio Operator connection">An admin adds one under Connections.</EmptyState>
      )}
      {deleteError && <ErrorState message={deleteError} onDismiss={() => setDeleteError(null)} />}
      {extensions.isPending && connectionId && <TableSkeleton rows={8} />}
      <QueryErrorState query={extensions} />
      {data && items.length === 0 && <EmptyState title="No extensions match">Clear the search.</EmptyState>}
      {canWrite && selected.size > 0 && (
        <div role="toolbar" aria-label="Selection" className="mb-2 flex items-center gap-3 text-sm">
          <span data-testid="selection-count">
            {selected.size} selected
            {offPage > 0 && ` (${offPage} on other pages)`}
          </span>
          <Button variant="danger" size="sm" onClick={() => setDeleting([...selected.values()])}>
            Delete selected
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setSelected(new Map())}>
            Clear selection
          </Button>
        </div>
      )}
      {data && items.length > 0 && (
        <>
          <Table aria-label="Extensions">
            <thead>
              <tr>
                {canWrite && (
                  <Th>
                    <span className="sr-only">Select</span>
                  </Th>
                )}
                {sortHeader("number", "Number")}
                {COLUMNS.filter((column) => shown.has(column)).map((column) =>
                  sortHeader(column, COLUMN_LABELS[column]),
                )}
                {canWrite && <Th>Actions</Th>}
              </tr>
            </thead>
            <tbody>
              {items.map((extension) => (
                <tr key={extension.guid} data-testid={`extension-row-${extension.number}`}>
                  {canWrite && (
                    <Td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${extension.number}`}
                        checked={selected.has(extension.number)}
                        onChange={() => {
                          const next = new Map(selected);
                          if (!next.delete(extension.number)) next.set(extension.number, extension);
                          setSelected(next);
                        }}
                      />
                    </Td>
                  )}
                  <Td className="font-mono">
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
                  </Td>
                  {shown.has("description") && <Td>{extension.description}</Td>}
                  {shown.has("sipUsername") && (
                    <Td>
                      {extension.multiRegistration
                        ? `${extension.lines.length} lines`
                        : extension.sipUsername}
                    </Td>
                  )}
                  {shown.has("status") && (
                    <Td>
                      <RegistrationBadge extension={extension} />
                    </Td>
                  )}
                  {shown.has("owner") && <Td>{extension.owner?.fullName ?? "—"}</Td>}
                  {shown.has("permission") && (
                    <Td>{CALL_PERMISSION_LABELS[extension.callPermission] ?? extension.callPermission}</Td>
                  )}
                  {canWrite && (
                    <Td className="whitespace-nowrap">
                      <Button variant="ghost" size="sm" onClick={() => setEditing(extension)}>
                        Edit
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => setDeleting([extension])}>
                        Delete
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            summary={
              <span data-testid="extension-count">
                {data.totalItems.toLocaleString("en")} extensions · page {state.page} of {pages}
              </span>
            }
            page={state.page}
            pages={pages}
            onPage={(page) => void setState({ page })}
            pageSize={{
              value: pageSize,
              sizes: PAGE_SIZES,
              onChange: (size) => void setState({ size, page: 1 }),
            }}
          />
        </>
      )}
      {editing && connectionId && (
        <ExtensionForm
          connectionId={connectionId}
          extension={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && connectionId && (
        <ExtensionImport connectionId={connectionId} onClose={() => setImporting(false)} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={
          deleting?.length === 1
            ? `Delete extension ${deleting[0]?.number}?`
            : `Delete ${deleting?.length} extensions?`
        }
        message={
          deleting?.length === 1 ? (
            <p>
              Extension <strong>{deleting[0]?.number}</strong>
              {deleting[0]?.description ? ` (${deleting[0].description})` : ""} is removed from the PBX;
              phones registered with it stop working.
            </p>
          ) : (
            <p>Extensions {deleting?.map((item) => item.number).join(", ")} are removed from the PBX.</p>
          )
        }
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
