"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useWholeList, type WholeListColumn } from "@/components/data-table/use-whole-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { toast } from "@/components/ui/toast";
import type { ConnectionDto, ConnectionTestResultDto } from "@/lib/api/connections";
import { callOperation } from "@/lib/client/call-operation";
import { connectionQueries } from "@/lib/client/queries/connections";
import { CONNECTION_KIND_LABELS, needsTimeZone } from "@/lib/connection-kinds";
import { HealthBadge, HealthDetails, InsecureBadge, TimeZoneMissingBadge } from "./health-badge";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const ConnectionForm = dynamic(() => import("./connection-form").then((module) => module.ConnectionForm));
const ConnectionTestDialog = dynamic(() =>
  import("./connection-test-dialog").then((module) => module.ConnectionTestDialog),
);
const ConnectionDiagnostics = dynamic(() =>
  import("./connection-diagnostics").then((module) => module.ConnectionDiagnostics),
);

const TLS_LABEL = { verify: "verified", pin: "pinned", insecure: "not verified" } as const;

const NOUN = { one: "connection", other: "connections" };

const NAME_COLUMN: WholeListColumn<ConnectionDto> = {
  id: "name",
  header: "Name",
  cell: (connection) => (
    <>
      <div className="font-medium">{connection.name}</div>
      <div className="flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <code>{connection.id}</code>
        {connection.source === "file" && <Badge>managed by file</Badge>}
        {connection.insecureReason && <InsecureBadge reason={connection.insecureReason} />}
        {connection.settings && needsTimeZone(connection.kind) && !connection.settings.timeZone && (
          <TimeZoneMissingBadge />
        )}
      </div>
    </>
  ),
};

/** Where the appliance is and how it is checked: only for people who manage connections (settings are theirs). */
const ADDRESS_COLUMN: WholeListColumn<ConnectionDto> = {
  id: "address",
  header: "Address",
  className: "text-xs",
  cell: (connection) => (
    <>
      <code className="whitespace-nowrap">{connection.settings?.baseUrl}</code>
      <div className="text-slate-600 dark:text-slate-400">
        {connection.insecureReason === "plain_http"
          ? "no TLS"
          : `TLS ${connection.settings ? TLS_LABEL[connection.settings.tls.mode] : ""}`}
      </div>
    </>
  ),
};

const READ_COLUMNS: readonly WholeListColumn<ConnectionDto>[] = [
  NAME_COLUMN,
  { id: "kind", header: "Kind", cell: (connection) => CONNECTION_KIND_LABELS[connection.kind] },
  {
    id: "health",
    header: "Health",
    cell: (connection) => (
      <>
        <HealthBadge health={connection.health} />
        <HealthDetails health={connection.health} />
      </>
    ),
  },
];
const MANAGE_COLUMNS = [...READ_COLUMNS, ADDRESS_COLUMN];

type Editing = { mode: "create" } | { mode: "edit"; connection: ConnectionDto };

export function ConnectionsView({ canManage }: { canManage: boolean }) {
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
      toast.success(`Removed ${removed.name}`);
      setDeleting(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: refresh,
  });

  const items = connections.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Connections"
        description={
          canManage
            ? "The appliances the console works on. Connections from the connections file are read-only here."
            : "The appliances the console works on, and whether they answer."
        }
        actions={canManage && <Button onClick={() => setEditing({ mode: "create" })}>Add connection</Button>}
      />
      <DataTable
        label="Connections"
        source={whole}
        columns={canManage ? MANAGE_COLUMNS : READ_COLUMNS}
        empty={
          <EmptyState title="No connections yet">
            {canManage
              ? "Add one for each appliance, or declare them in the connections file (docs/connections.md)."
              : "An admin adds them; their health will show here."}
          </EmptyState>
        }
        noun={NOUN}
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
                    {test.isPending && test.variables?.id === connection.id ? "Testing…" : "Test connection"}
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setDiagnosing(connection)}>
                    Diagnostics
                  </Button>
                  {connection.source === "console" && (
                    <>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setEditing({ mode: "edit", connection })}
                      >
                        Edit
                      </Button>
                      <Button size="sm" variant="secondary" onClick={() => setDeleting(connection)}>
                        Delete
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
          onSaved={() => {
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
        title="Delete connection"
        message={
          <p>
            Delete {deleting?.name} (<code>{deleting?.id}</code>) and its stored secrets? Pages working on it
            stop working.
          </p>
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
