"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { ConnectionFigures } from "@/components/overview/connection-figures";
import { Button } from "@/components/ui/button";
import { EmptyState, QueryErrorState } from "@/components/ui/states";
import { callOperation } from "@/lib/client/call-operation";
import { connectionQueries } from "@/lib/client/queries/connections";
import { CONNECTION_KIND_LABELS, type ConnectionKind } from "@/lib/connection-kinds";
import { HealthBadge, HealthDetails, InsecureBadge } from "./health-badge";

export interface ConnectionHealthCardsProps {
  canManage: boolean;
  /** Kinds whose live figures this person may read (their vendor's read permission) and that have figures. */
  figureKinds: readonly ConnectionKind[];
}

/**
 * The overview's connection cards: name, kind, health and latency for every role, and the live figures of
 * the kinds the person may read, each card fetching its own.
 */
export function ConnectionHealthCards({ canManage, figureKinds }: ConnectionHealthCardsProps) {
  const t = useTranslations("connections");
  const connections = useQuery(connectionQueries.list());
  if (connections.isPending) {
    return (
      <div
        role="status"
        aria-label={t("cards.loading")}
        className="h-24 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
      />
    );
  }
  if (connections.isError) {
    return <QueryErrorState query={connections} />;
  }
  if (connections.data.items.length === 0) {
    return (
      <EmptyState title={t("cards.empty")}>
        {canManage ? (
          <Link href="/admin/connections" className="text-sky-700 underline dark:text-sky-400">
            {t("cards.addFirst")}
          </Link>
        ) : (
          t("cards.emptyRead")
        )}
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("cards.label")}>
      {connections.data.items.map((connection) => (
        <li
          key={connection.id}
          data-testid={`health-card-${connection.id}`}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="flex items-start justify-between gap-2">
            <div>
              <h3 className="font-semibold">{connection.name}</h3>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {CONNECTION_KIND_LABELS[connection.kind]}
              </p>
            </div>
            <HealthBadge health={connection.health} />
          </div>
          <div className="mt-2 flex flex-wrap gap-1">
            {connection.insecureReason && <InsecureBadge reason={connection.insecureReason} />}
          </div>
          <HealthDetails health={connection.health} />
          {figureKinds.includes(connection.kind) && <ConnectionFigures connectionId={connection.id} />}
          {canManage && connection.health.state === "failing" && (
            <CheckAgainButton connectionId={connection.id} />
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A failing card's retry: checks the appliance now instead of waiting for the background runner (an admin
 * action, since it logs in with the stored credentials); the card recovers as soon as the check passes.
 */
function CheckAgainButton({ connectionId }: { connectionId: string }) {
  const t = useTranslations("connections");
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => callOperation("testConnection", { params: { id: connectionId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionQueries.all }),
  });
  return (
    <Button
      variant="secondary"
      size="sm"
      className="mt-2"
      disabled={check.isPending}
      aria-busy={check.isPending}
      onClick={() => check.mutate()}
    >
      {check.isPending ? t("cards.checking") : t("cards.checkAgain")}
    </Button>
  );
}
