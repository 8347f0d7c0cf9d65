"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useWholeList, type WholeListColumn } from "@/components/data-table/use-whole-list";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { toast } from "@/components/ui/toast";
import type { ConnectionDto, ConnectionTestResultDto } from "@/lib/api/connections";
import { replaceCachedItem } from "@/lib/client/cached-items";
import { callOperation } from "@/lib/client/call-operation";
import { connectionQueries } from "@/lib/client/queries/connections";
import { CONNECTION_KIND_LABELS, needsTimeZone } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";
import { HealthBadge, HealthDetails, InsecureBadge, TimeZoneMissingBadge } from "./health-badge";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const ConnectionForm = dynamic(() => import("./connection-form").then((module) => module.ConnectionForm));
const ConnectionTestDialog = dynamic(() =>
  import("./connection-test-dialog").then((module) => module.ConnectionTestDialog),
);
const ConnectionDiagnostics = dynamic(() =>
  import("./connection-diagnostics").then((module) => module.ConnectionDiagnostics),
);

function nameColumn(t: Translate<"connections">): WholeListColumn<ConnectionDto> {
  return {
    id: "name",
    header: t("list.columns.name"),
    cell: (connection) => (
      <>
        <div className="font-medium">{connection.name}</div>
        <div className="flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
          <code>{connection.id}</code>
          {connection.source === "file" && <Badge>{t("list.managedByFile")}</Badge>}
          {connection.insecureReason && <InsecureBadge reason={connection.insecureReason} />}
          {connection.settings && needsTimeZone(connection.kind) && !connection.settings.timeZone && (
            <TimeZoneMissingBadge />
          )}
        </div>
      </>
    ),
  };
}

/** Where the appliance is and how it is checked: only for people who manage connections (settings are theirs). */
function addressColumn(t: Translate<"connections">): WholeListColumn<ConnectionDto> {
  return {
    id: "address",
    header: t("list.columns.address"),
    className: "text-xs",
    cell: (connection) => (
      <>
        <code className="whitespace-nowrap">{connection.settings?.baseUrl}</code>
        <div className="text-slate-600 dark:text-slate-400">
          {connection.insecureReason === "plain_http"
            ? t("list.noTls")
            : t("list.tls", { mode: connection.settings?.tls.mode ?? "" })}
        </div>
      </>
    ),
  };
}

function useConnectionColumns(canManage: boolean): readonly WholeListColumn<ConnectionDto>[] {
  const t = useTranslations("connections");
  return useMemo(() => {
    const read: WholeListColumn<ConnectionDto>[] = [
      nameColumn(t),
      {
        id: "kind",
        header: t("list.columns.kind"),
        cell: (connection) => CONNECTION_KIND_LABELS[connection.kind],
      },
      {
        id: "health",
        header: t("list.columns.health"),
        cell: (connection) => (
          <>
            <HealthBadge health={connection.health} />
            <HealthDetails health={connection.health} />
          </>
        ),
      },
    ];
    return canManage ? [...read, addressColumn(t)] : read;
  }, [t, canManage]);
}

type Editing = { mode: "create" } | { mode: "edit"; connection: ConnectionDto };

export function ConnectionsView({ canManage }: { canManage: boolean }) {
  const t = useTranslations("connections");
  const columns = useConnectionColumns(canManage);
  const queryClient = useQueryClient();
  const connections = useQuery(connectionQueries.list());
  const whole = useWholeList(connections);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ConnectionDto | null>(null);
  const [diagnosing, setDiagnosing] = useState<ConnectionDto | null>(null);
  const [tested, setTested] = useState<{ connection: ConnectionDto; result: ConnectionTestResultDto } | null>(
    null,
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectionQueries.all });

  const test = useMutation({
    mutationFn: (connection: ConnectionDto) =>
      callOperation("testConnection", { params: { id: connection.id } }),
    onSuccess: (result, connection) => setTested({ connection, result }),
    onError: (error) => toast.error(error.message),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (connection: ConnectionDto) =>
      callOperation("deleteConnection", { params: { id: connection.id } }),
    onSuccess: (removed) => {
      toast.success(t("list.removed", { name: removed.name }));
      setDeleting(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: refresh,
  });

  const items = connections.data?.items ?? [];
  const noun = useMemo(() => ({ one: t("list.noun.one"), other: t("list.noun.other") }), [t]);
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={canManage ? t("list.descriptionManage") : t("list.descriptionRead")}
        actions={canManage && <Button onClick={() => setEditing({ mode: "create" })}>{t("list.add")}</Button>}
      />
      <DataTable
        label={t("list.label")}
        source={whole}
        columns={columns}
        empty={
          <EmptyState title={t("list.empty")}>
            {canManage ? t("list.emptyManage") : t("list.emptyRead")}
          </EmptyState>
        }
        noun={noun}
        rowKey={(connection) => connection.id}
        rowTestId={(connection) => `connection-row-${connection.id}`}
        actions={
          canManage
            ? (connection) => (
                <div className="flex justify-end gap-1">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={test.isPending}
                    onClick={() => test.mutate(connection)}
                  >
                    {test.isPending && test.variables?.id === connection.id
                      ? t("list.testing")
                      : t("list.test")}
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setDiagnosing(connection)}>
                    {t("list.diagnostics")}
                  </Button>
                  {connection.source === "console" && (
                    <>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setEditing({ mode: "edit", connection })}
                      >
                        {t("list.edit")}
                      </Button>
                      <Button size="sm" variant="secondary" onClick={() => setDeleting(connection)}>
                        {t("list.delete")}
                      </Button>
                    </>
                  )}
                </div>
              )
            : undefined
        }
      />
      {editing && (
        <ConnectionForm
          key={editing.mode === "edit" ? editing.connection.id : "new"}
          connection={editing.mode === "edit" ? editing.connection : null}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            replaceCachedItem(
              queryClient,
              connectionQueries.list().queryKey,
              saved,
              (connection) => connection.id,
            );
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {tested && (
        <ConnectionTestDialog
          connection={items.find((item) => item.id === tested.connection.id) ?? tested.connection}
          result={tested.result}
          testing={test.isPending}
          onPinned={(saved) => test.mutate(saved)}
          onClose={() => setTested(null)}
        />
      )}
      <ConnectionDiagnostics connection={diagnosing} onClose={() => setDiagnosing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("list.deleteTitle")}
        message={
          <p>
            {messageParts(t("list.deleteMessage", { name: deleting?.name ?? "" }), {
              id: <code>{deleting?.id}</code>,
            })}
          </p>
        }
        confirmLabel={t("list.delete")}
        danger
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
