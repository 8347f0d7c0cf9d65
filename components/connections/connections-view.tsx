"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConnectionDto, ConnectionTestResultDto } from "@/lib/api/connections";
import { apiFetch } from "@/lib/client/api-fetch";
import { connectionKeys } from "@/lib/client/query-keys";
import { CONNECTION_KIND_LABELS, needsTimeZone } from "@/lib/connection-kinds";
import { HealthBadge, HealthDetails, InsecureBadge, TimeZoneMissingBadge } from "./health-badge";
import { type PinRequest, TestResult } from "./test-result";

// Loaded when first shown, not with the page: what only an open dialog or panel needs stays out of the first load.
const ConnectionForm = dynamic(() => import("./connection-form").then((module) => module.ConnectionForm));
const ConnectionDiagnostics = dynamic(() =>
  import("./connection-diagnostics").then((module) => module.ConnectionDiagnostics),
);

/** Health changes in the background; the list follows it without a reload. */
const REFRESH_MS = 30_000;

const TLS_LABEL = { verify: "verified", pin: "pinned", insecure: "not verified" } as const;

type Editing = { mode: "create" } | { mode: "edit"; connection: ConnectionDto };

export function ConnectionsView({ canManage }: { canManage: boolean }) {
  const queryClient = useQueryClient();
  const connections = useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ConnectionDto[] }>("/api/v1/connections", { signal }),
    refetchInterval: REFRESH_MS,
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ConnectionDto | null>(null);
  const [diagnosing, setDiagnosing] = useState<ConnectionDto | null>(null);
  const [tested, setTested] = useState<{ connection: ConnectionDto; result: ConnectionTestResultDto } | null>(
    null,
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectionKeys.all });

  const test = useMutation({
    mutationFn: (connection: ConnectionDto) =>
      apiFetch<ConnectionTestResultDto>(`/api/v1/connections/${connection.id}/test`, { method: "POST" }),
    onSuccess: (result, connection) => setTested({ connection, result }),
    onError: (error) => toast.error(error.message),
    onSettled: refresh,
  });
  const pin = useMutation({
    // Pinning changes whom the console trusts, so the server takes it only with the secrets again.
    mutationFn: ({ connection, fingerprint256, secrets }: { connection: ConnectionDto } & PinRequest) =>
      apiFetch<ConnectionDto>(`/api/v1/connections/${connection.id}`, {
        method: "PATCH",
        body: { kind: connection.kind, tls: { mode: "pin", fingerprint256 }, ...secrets },
      }),
    onSuccess: (saved) => {
      toast.success(`${saved.name} now pins this certificate`);
      // Test again at once, so the admin sees the pinned connection work (and the health turn green).
      test.mutate(saved);
    },
    onError: (error) => toast.error(error.message),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (connection: ConnectionDto) =>
      apiFetch<ConnectionDto>(`/api/v1/connections/${connection.id}`, { method: "DELETE" }),
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
      {connections.isPending && <TableSkeleton />}
      <QueryErrorState query={connections} />
      {connections.data && items.length === 0 && (
        <EmptyState title="No connections yet">
          {canManage
            ? "Add one for each appliance, or declare them in the connections file (docs/connections.md)."
            : "An admin adds them; their health will show here."}
        </EmptyState>
      )}
      {items.length > 0 && (
        <Table aria-label="Connections">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Health</Th>
              {canManage && <Th>Address</Th>}
              {canManage && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((connection) => (
              <tr key={connection.id} data-testid={`connection-row-${connection.id}`}>
                <Td>
                  <div className="font-medium">{connection.name}</div>
                  <div className="flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
                    <code>{connection.id}</code>
                    {connection.source === "file" && <Badge>managed by file</Badge>}
                    {connection.insecureReason && <InsecureBadge reason={connection.insecureReason} />}
                    {connection.settings &&
                      needsTimeZone(connection.kind) &&
                      !connection.settings.timeZone && <TimeZoneMissingBadge />}
                  </div>
                </Td>
                <Td>{CONNECTION_KIND_LABELS[connection.kind]}</Td>
                <Td>
                  <HealthBadge health={connection.health} />
                  <HealthDetails health={connection.health} />
                </Td>
                {canManage && (
                  <Td className="text-xs">
                    <code className="whitespace-nowrap">{connection.settings?.baseUrl}</code>
                    <div className="text-slate-600 dark:text-slate-400">
                      {connection.insecureReason === "plain_http"
                        ? "no TLS"
                        : `TLS ${connection.settings ? TLS_LABEL[connection.settings.tls.mode] : ""}`}
                    </div>
                  </Td>
                )}
                {canManage && (
                  <Td className="whitespace-nowrap text-right">
                    <div className="flex justify-end gap-1">
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={test.isPending}
                        onClick={() => test.mutate(connection)}
                      >
                        {test.isPending && test.variables?.id === connection.id
                          ? "Testing…"
                          : "Test connection"}
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
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing && (
        <ConnectionForm
          key={editing.mode === "edit" ? editing.connection.id : "new"}
          open
          connection={editing.mode === "edit" ? editing.connection : null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      <Dialog
        open={tested !== null}
        title={`Test of ${tested?.connection.name ?? ""}`}
        onClose={() => setTested(null)}
      >
        {tested && (
          <>
            <TestResult
              connection={items.find((item) => item.id === tested.connection.id) ?? tested.connection}
              result={tested.result}
              pinning={pin.isPending || test.isPending}
              onPin={(request) => pin.mutate({ connection: tested.connection, ...request })}
            />
            <div className="flex justify-end">
              <Button variant="secondary" onClick={() => setTested(null)}>
                Close
              </Button>
            </div>
          </>
        )}
      </Dialog>
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
