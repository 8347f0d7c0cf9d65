"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiTokenDto, CreateApiTokenInput } from "@/lib/api/api-tokens";
import { ApiRequestError, apiFetch } from "@/lib/client/api-fetch";
import { submitWith } from "@/lib/client/form-submit";
import { apiTokenKeys } from "@/lib/client/query-keys";
import { formatDateTime } from "@/lib/format";
import { ROLES, type Role } from "@/lib/permissions";

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
  const tokens = useQuery({
    queryKey: apiTokenKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ApiTokenDto[] }>("/api/v1/api-tokens", { signal }),
  });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch<ApiTokenDto>(`/api/v1/api-tokens/${id}`, { method: "DELETE" }),
    onSuccess: (token) => {
      toast.success(`Revoked ${token.name}`);
      setRevoking(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
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
      <CreateTokenDialog
        open={creating}
        onClose={() => setCreating(false)}
        maxLifetimeDays={maxLifetimeDays}
      />
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

const EXPIRY_DAYS = [30, 90, 365];

/** The usual lifetimes up to the console's maximum, and the maximum itself: every token expires. */
function expiryOptions(maxDays: number) {
  const days = [...new Set([...EXPIRY_DAYS.filter((d) => d < maxDays), maxDays])];
  return days.map((d) => ({
    value: String(d),
    label: d === 365 ? "1 year" : `${d} day${d === 1 ? "" : "s"}`,
  }));
}

function CreateTokenDialog({
  open,
  onClose,
  maxLifetimeDays,
}: {
  open: boolean;
  onClose: () => void;
  maxLifetimeDays: number;
}) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (input: CreateApiTokenInput) =>
      apiFetch<ApiTokenDto & { token: string }>("/api/v1/api-tokens", { method: "POST", body: input }),
    onSuccess: (token) => {
      setCreated(token.token);
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError) setErrors(error.fieldErrors());
      toast.error(error.message);
    },
  });
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog open={open} title={created ? "Copy your token now" : "Create API token"} onClose={close}>
      {created ? (
        <div className="space-y-3">
          <p className="text-sm">
            This is the only time the token is shown. Store it in your script's secret store.
          </p>
          <code
            data-testid="created-token"
            className="block break-all rounded bg-slate-100 p-3 text-sm dark:bg-slate-800"
          >
            {created}
          </code>
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() =>
                navigator.clipboard.writeText(created).then(
                  () => toast.success("Copied"),
                  () => toast.error("Copy failed: select the text and copy it by hand"),
                )
              }
            >
              Copy
            </Button>
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={submitWith((form) => {
            create.mutate({
              name: String(form.get("name")),
              role: String(form.get("role")) as Role,
              expiresInDays: Number(form.get("expiry")),
            });
          })}
        >
          <TextField label="Name" name="name" required placeholder="nightly-cdr-export" error={errors.name} />
          <SelectField
            label="Role"
            name="role"
            defaultValue="viewer"
            options={ROLES.map((role) => ({ value: role, label: role }))}
            hint="Give a script the smallest role that does its job."
            error={errors.role}
          />
          <SelectField
            label="Expires"
            name="expiry"
            defaultValue={String(Math.min(90, maxLifetimeDays))}
            options={expiryOptions(maxLifetimeDays)}
            hint={`Every token expires; this console allows at most ${maxLifetimeDays} days.`}
            error={errors.expiresInDays}
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              Create token
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
