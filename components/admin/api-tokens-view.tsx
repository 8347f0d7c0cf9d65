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
import type { ApiTokenDto } from "@/lib/api/api-tokens";
import { callOperation } from "@/lib/client/call-operation";
import { apiTokenQueries } from "@/lib/client/queries/api-tokens";
import { formatDateTime } from "@/lib/format";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const CreateTokenDialog = dynamic(() =>
  import("./create-token-dialog").then((module) => module.CreateTokenDialog),
);

function tokenState(token: ApiTokenDto): { label: string; tone: "good" | "bad" | "warn" } {
  if (token.revokedAt) return { label: "revoked", tone: "bad" };
  if (new Date(token.expiresAt) <= new Date()) return { label: "expired", tone: "warn" };
  return { label: "active", tone: "good" };
}

const NOUN = { one: "token", other: "tokens" };

const COLUMNS: readonly WholeListColumn<ApiTokenDto>[] = [
  { id: "name", header: "Name", className: "font-medium", cell: (token) => token.name },
  { id: "role", header: "Role", cell: (token) => token.role },
  { id: "prefix", header: "Token", cell: (token) => <code>{token.prefix}…</code> },
  {
    id: "state",
    header: "State",
    cell: (token) => {
      const state = tokenState(token);
      return <Badge tone={state.tone}>{state.label}</Badge>;
    },
  },
  { id: "createdAt", header: "Created", cell: (token) => formatDateTime(token.createdAt) },
  { id: "expiresAt", header: "Expires", cell: (token) => formatDateTime(token.expiresAt) },
  { id: "lastUsedAt", header: "Last used", cell: (token) => formatDateTime(token.lastUsedAt) },
];

export interface ApiTokensViewProps {
  /** The console's API_TOKEN_MAX_LIFETIME_DAYS: no expiry choice goes beyond it. */
  maxLifetimeDays: number;
}

export function ApiTokensView({ maxLifetimeDays }: ApiTokensViewProps) {
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokenQueries.list());
  const whole = useWholeList(tokens);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => callOperation("revokeApiToken", { params: { id } }),
    onSuccess: (token) => {
      toast.success(`Revoked ${token.name}`);
      setRevoking(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokenQueries.all }),
  });

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Scripts call the{" "}
            <a className="underline" href="/api-docs">
              console API
            </a>{" "}
            with <code>Authorization: Bearer &lt;token&gt;</code>; a token has a role like a person.
          </>
        }
        actions={<Button onClick={() => setCreating(true)}>Create token</Button>}
      />
      <DataTable
        label="API tokens"
        source={whole}
        columns={COLUMNS}
        empty={
          <EmptyState title="No API tokens">
            Create one for each script or integration, so each can be revoked alone.
          </EmptyState>
        }
        noun={NOUN}
        rowKey={(token) => token.id}
        actions={(token) =>
          !token.revokedAt && (
            <Button size="sm" variant="secondary" onClick={() => setRevoking(token)}>
              Revoke
            </Button>
          )
        }
      />
      {creating && <CreateTokenDialog maxLifetimeDays={maxLifetimeDays} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke token"
        message={<p>Revoke {revoking?.name}? Scripts using it get 401 from their next request.</p>}
        confirmLabel="Revoke"
        danger
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
