"use client";

import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { type ReactNode, useMemo, useState } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import type { ColumnDef } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { DeleteScope } from "@/components/data-table/delete-rows";
import type { DeleteRowsDialog as DeleteRowsDialogType } from "@/components/data-table/delete-rows-dialog";
import { ListSearch } from "@/components/data-table/list-search";
import { defineListState, orderAndPage, type SortDirection } from "@/components/data-table/list-state";
import { DeleteRowButton, deleteSelection } from "@/components/data-table/row-delete-controls";
import { useListSelection } from "@/components/data-table/use-list-selection";
import { useRowDelete } from "@/components/data-table/use-row-delete";
import { useServerList } from "@/components/data-table/use-server-list";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { ExtensionDto } from "@/lib/api/kerio-extensions";
import { callOperation, type OperationQuery } from "@/lib/client/call-operation";
import { extensionQueries } from "@/lib/client/queries/kerio-extensions";
import type { ConnectionListSource } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";
import { callPermissionLevel, EXTENSION_SORTS, type ExtensionSort } from "@/lib/kerio-extensions-vocabulary";

// The delete confirmation loads after the page, not with it: a list shows before anyone deletes.
const DeleteRowsDialog = dynamic(() =>
  import("@/components/data-table/delete-rows-dialog").then((module) => module.DeleteRowsDialog),
) as typeof DeleteRowsDialogType;

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
  const t = useTranslations("kerio");
  if (extension.multiRegistration) {
    const online = extension.lines.filter((line) => line.registered).length;
    return (
      <Badge tone={online > 0 ? "good" : "neutral"}>
        {t("extensions.linesRegistered", { online, total: extension.lines.length })}
      </Badge>
    );
  }
  return extension.registered ? (
    <Badge tone="good">{t("extensions.registered")}</Badge>
  ) : (
    <Badge>{t("extensions.offline")}</Badge>
  );
}

function useExtensionColumns(): readonly ColumnDef<ExtensionDto, ExtensionSort>[] {
  const t = useTranslations("kerio");
  return useMemo(
    () => [
      {
        id: "number",
        header: t("extensions.columns.number"),
        sort: "number",
        className: "font-mono",
        cell: (extension) => (
          <>
            {extension.number}
            {extension.multiRegistration && (
              <ul
                aria-label={t("extensions.linesOf", { number: extension.number })}
                className="mt-1 text-xs text-slate-600 dark:text-slate-400"
              >
                {extension.lines.map((line) => (
                  <li key={line.guid}>
                    {t("extensions.line", {
                      sipUsername: line.sipUsername,
                      state: line.registered ? t("extensions.registered") : t("extensions.offline"),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ),
      },
      {
        id: "description",
        header: t("extensions.columns.description"),
        sort: "description",
        cell: (e) => e.description,
      },
      {
        id: "sipUsername",
        header: t("extensions.columns.sipUsername"),
        sort: "sipUsername",
        cell: (e) =>
          e.multiRegistration ? t("extensions.lineCount", { count: e.lines.length }) : e.sipUsername,
      },
      {
        id: "status",
        header: t("extensions.columns.status"),
        cell: (e) => <RegistrationBadge extension={e} />,
      },
      {
        id: "owner",
        header: t("extensions.columns.owner"),
        sort: "owner",
        cell: (e) => e.owner?.fullName ?? "—",
      },
      {
        id: "permission",
        header: t("extensions.columns.permission"),
        cell: (e) => {
          const level = callPermissionLevel(e.callPermission);
          return level ? t(`extensions.callPermissions.${level}`) : e.callPermission;
        },
      },
    ],
    [t],
  );
}

export interface ExtensionsViewProps {
  source: ConnectionListSource;
  canWrite: boolean;
}

export function ExtensionsView({ source, canWrite }: ExtensionsViewProps) {
  const t = useTranslations("kerio");
  const columns = useExtensionColumns();
  const noun = useMemo(() => ({ one: t("extensions.noun.one"), other: t("extensions.noun.other") }), [t]);
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
      title={t("extensions.title")}
      description={t("extensions.description")}
      actions={
        canWrite ? (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setImporting(true)}>
              {t("extensions.importCsv")}
            </Button>
            <Button onClick={() => setCreating(true)}>{t("extensions.new")}</Button>
          </div>
        ) : undefined
      }
      connection={server}
      filterColumns={3}
      filters={
        <ListSearch
          label={t("extensions.search")}
          value={list.filters.q}
          placeholder={t("extensions.searchPlaceholder")}
          onSearch={(q) => list.setFilters({ q })}
          className="sm:col-span-2"
        />
      }
    >
      <DataTable
        label={t("extensions.label")}
        source={server}
        columnChooser="kerio-extensions"
        columns={columns}
        empty={<EmptyState title={t("extensions.empty")}>{t("extensions.emptyText")}</EmptyState>}
        noun={noun}
        countTestId="extension-count"
        rowKey={(extension) => String(extension.guid)}
        rowTestId={(extension) => `extension-row-${extension.number}`}
        selection={deleteSelection(canWrite, selection, deletion)}
        actions={
          canWrite
            ? (extension) => (
                <>
                  <Button variant="ghost" size="sm" onClick={() => void setEditNumber(extension.number)}>
                    {t("extensions.edit")}
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
        confirmation={(scope) => deleteConfirmation(scope, list.filters.q, t)}
      />
    </ConnectionPage>
  );
}

/** The confirmation names what goes: the one extension, the ticked numbers, or the filter and its count. */
function deleteConfirmation(
  { rows, count, excluded }: DeleteScope<ExtensionDto>,
  q: string,
  t: Translate<"kerio">,
): { title: string; message: ReactNode } {
  const [only] = rows ?? [];
  if (rows?.length === 1 && only) {
    const message = only.description
      ? t("extensions.deleteOne.messageWithDescription", { description: only.description })
      : t("extensions.deleteOne.message");
    return {
      title: t("extensions.deleteOne.title", { number: only.number }),
      message: <p>{messageParts(message, { number: <strong>{only.number}</strong> })}</p>,
    };
  }
  if (rows) {
    return {
      title: t("extensions.deleteSome.title", { count: rows.length }),
      message: (
        <p>{t("extensions.deleteSome.message", { numbers: rows.map((row) => row.number).join(", ") })}</p>
      ),
    };
  }
  return {
    title: t("extensions.deleteSome.title", { count }),
    message: (
      <p>
        {t("extensions.deleteMatching.message", {
          matching: q ? t("extensions.deleteMatching.matching", { q }) : "",
          excluded: excluded > 0 ? t("extensions.deleteMatching.excluded", { count: excluded }) : "",
          counted: t("extensions.deleteMatching.counted", { count }),
        })}
      </p>
    ),
  };
}
