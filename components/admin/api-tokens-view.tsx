"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiTokenDto } from "@/lib/api/api-tokens";
import { callOperation } from "@/lib/client/call-operation";
import { apiTokenQueries } from "@/lib/client/queries/api-tokens";
import { formatDateTime } from "@/lib/format";
import { CreateTokenDialog } from "./create-token-dialog";

function tokenState(token: ApiTokenDto): { label: string; tone: "good" | "bad" | "warn" } {
  if (token.revokedAt) return { label: "revoked", tone: "bad" };
  if (new Date(token.expiresAt) <= new Date()) return { label: "expired", tone: "warn" };
  return { label: "active", tone: "good" };
}

export interface ApiTokensViewProps {
  /** The console's API_TOKEN_MAX_LIFETIME_DAYS: no expiry choice goes beyond it. */
  maxLifetimeDays: number;
}

export function ApiTokensView({ maxLifetimeDays }: ApiTokensViewProps) {
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokenQueries.list());
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
      {tokens.isPending && <TableSkeleton />}
      <QueryErrorState query={tokens} />
      {tokens.data && tokens.data.items.length === 0 && (
        <EmptyState title="No API tokens">
          Create one for each script or integration, so each can be revoked alone.
        </EmptyState>
      )}
      {tokens.data && tokens.data.items.length > 0 && (
        <Table aria-label="API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Token</Th>
              <Th>State</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => {
              const state = tokenState(token);
              return (
                <tr key={token.id}>
                  <Td className="font-medium">{token.name}</Td>
                  <Td>{token.role}</Td>
                  <Td>
                    <code>{token.prefix}…</code>
                  </Td>
                  <Td>
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </Td>
                  <Td>{formatDateTime(token.createdAt)}</Td>
                  <Td>{formatDateTime(token.expiresAt)}</Td>
                  <Td>{formatDateTime(token.lastUsedAt)}</Td>
                  <Td className="text-right">
                    {!token.revokedAt && (
                      <Button size="sm" variant="secondary" onClick={() => setRevoking(token)}>
                        Revoke
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
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
