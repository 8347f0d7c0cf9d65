"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { useWholeList, type WholeListColumn } from "@/components/data-table/use-whole-list";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { toast } from "@/components/ui/toast";
import type { ApiTokenDto } from "@/lib/api/api-tokens";
import { callOperation } from "@/lib/client/call-operation";
import { apiTokenQueries } from "@/lib/client/queries/api-tokens";
import type { Formats } from "@/lib/i18n/formats";
import type { Translate } from "@/lib/i18n/translator";

// Loaded when first shown, not with the page: a dialog and the schema it checks with stay out of the first load.
const CreateTokenDialog = dynamic(() =>
  import("./create-token-dialog").then((module) => module.CreateTokenDialog),
);

function tokenState(token: ApiTokenDto): {
  state: "active" | "expired" | "revoked";
  tone: "good" | "bad" | "warn";
} {
  if (token.revokedAt) return { state: "revoked", tone: "bad" };
  if (new Date(token.expiresAt) <= new Date()) return { state: "expired", tone: "warn" };
  return { state: "active", tone: "good" };
}

function tokenColumns(t: Translate<"admin">, f: Formats): readonly WholeListColumn<ApiTokenDto>[] {
  return [
    { id: "name", header: t("tokens.columns.name"), className: "font-medium", cell: (token) => token.name },
    { id: "role", header: t("tokens.columns.role"), cell: (token) => token.role },
    { id: "prefix", header: t("tokens.columns.prefix"), cell: (token) => <code>{token.prefix}…</code> },
    {
      id: "state",
      header: t("tokens.columns.state"),
      cell: (token) => {
        const { state, tone } = tokenState(token);
        return <Badge tone={tone}>{t(`tokens.state.${state}`)}</Badge>;
      },
    },
    { id: "createdAt", header: t("tokens.columns.createdAt"), cell: (token) => f.dateTime(token.createdAt) },
    { id: "expiresAt", header: t("tokens.columns.expiresAt"), cell: (token) => f.dateTime(token.expiresAt) },
    {
      id: "lastUsedAt",
      header: t("tokens.columns.lastUsedAt"),
      cell: (token) => f.dateTime(token.lastUsedAt),
    },
  ];
}

export interface ApiTokensViewProps {
  /** The console's API_TOKEN_MAX_LIFETIME_DAYS: no expiry choice goes beyond it. */
  maxLifetimeDays: number;
}

export function ApiTokensView({ maxLifetimeDays }: ApiTokensViewProps) {
  const t = useTranslations("admin");
  const f = useFormats();
  const columns = useMemo(() => tokenColumns(t, f), [t, f]);
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokenQueries.list());
  const whole = useWholeList(tokens);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => callOperation("revokeApiToken", { params: { id } }),
    onSuccess: (token) => {
      toast.success(t("tokens.revoked", { name: token.name }));
      setRevoking(null);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokenQueries.all }),
  });

  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={messageParts(t("tokens.description"), {
          api: (
            <a className="underline" href="/api-docs">
              {t("tokens.descriptionApi")}
            </a>
          ),
          header: <code>Authorization: Bearer &lt;token&gt;</code>,
        })}
        actions={<Button onClick={() => setCreating(true)}>{t("tokens.create")}</Button>}
      />
      <DataTable
        label={t("tokens.tableLabel")}
        source={whole}
        columns={columns}
        empty={<EmptyState title={t("tokens.emptyTitle")}>{t("tokens.emptyText")}</EmptyState>}
        noun={{ one: t("tokens.noun.one"), other: t("tokens.noun.other") }}
        rowKey={(token) => token.id}
        actions={(token) =>
          !token.revokedAt && (
            <Button size="sm" variant="secondary" onClick={() => setRevoking(token)}>
              {t("tokens.revoke")}
            </Button>
          )
        }
      />
      {creating && <CreateTokenDialog maxLifetimeDays={maxLifetimeDays} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={revoking !== null}
        title={t("tokens.revokeTitle")}
        message={<p>{t("tokens.revokeMessage", { name: revoking?.name ?? "" })}</p>}
        confirmLabel={t("tokens.revoke")}
        danger
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
