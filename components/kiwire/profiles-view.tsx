"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { ConnectionPage } from "@/components/connections/connection-page";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { ColumnTable } from "@/components/data-table/column-table";
import type { ColumnDef } from "@/components/data-table/columns";
import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { HotspotProfileDto, NasDto } from "@/lib/api/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { useHotspotPickers } from "./use-hotspot-pickers";

function useProfileColumns(): readonly ColumnDef<HotspotProfileDto>[] {
  const t = useTranslations("kiwire");
  const f = useFormats();
  return useMemo(() => {
    const dash = (value: number | null) => (value === null ? "—" : f.number(value));
    return [
      { id: "name", header: t("profileColumns.name"), className: "font-mono", cell: (p) => p.name },
      { id: "type", header: t("profileColumns.type"), cell: (p) => p.type },
      { id: "price", header: t("profileColumns.price"), cell: (p) => p.price },
      { id: "minutes", header: t("profileColumns.minutes"), cell: (p) => dash(p.minutes) },
      { id: "idleTimeout", header: t("profileColumns.idleTimeout"), cell: (p) => dash(p.idleTimeout) },
      { id: "simultaneous", header: t("profileColumns.simultaneous"), cell: (p) => dash(p.simultaneous) },
      {
        id: "speed",
        header: t("profileColumns.speed"),
        cell: (p) => `${dash(p.downKbps)} / ${dash(p.upKbps)}`,
      },
    ];
  }, [t, f]);
}

function useNasColumns(): readonly ColumnDef<NasDto>[] {
  const t = useTranslations("kiwire");
  return useMemo(
    () => [
      { id: "id", header: t("nasColumns.id"), className: "font-mono", cell: (n) => n.id },
      { id: "name", header: t("nasColumns.address"), className: "font-mono", cell: (n) => n.name },
      { id: "shortName", header: t("nasColumns.shortName"), cell: (n) => n.shortName },
      { id: "type", header: t("nasColumns.type"), cell: (n) => n.type },
      { id: "zone", header: t("nasColumns.zone"), cell: (n) => n.zone },
      { id: "location", header: t("nasColumns.location"), cell: (n) => n.location },
      { id: "description", header: t("nasColumns.description"), cell: (n) => n.description },
    ],
    [t],
  );
}

/** Profiles (plans) and NAS entries, read only: Kiwire's own admin pages are where they are changed. */
export function ProfilesView({ connections }: { connections: ConnectionChoice[] }) {
  const t = useTranslations("kiwire");
  const { connectionId, choose } = useConnectionChoice(connections);
  const { profiles, nas } = useHotspotPickers(connectionId);
  const profileColumns = useProfileColumns();
  const nasColumns = useNasColumns();
  return (
    <ConnectionPage
      title={t("profiles.title")}
      description={t("profiles.description")}
      connection={{ kind: "kiwire", connections, connectionId, chooseConnection: choose }}
    >
      <h2 className="mb-2 text-lg font-semibold">{t("profiles.profiles")}</h2>
      <ReferenceTable
        label={t("profiles.profiles")}
        emptyTitle={t("profiles.noProfiles")}
        query={profiles}
        columns={profileColumns}
        rowKey={(p) => p.name}
      />
      <h2 className="mt-6 mb-2 text-lg font-semibold">{t("profiles.nas")}</h2>
      <ReferenceTable
        label={t("profiles.nas")}
        emptyTitle={t("profiles.noNas")}
        query={nas}
        columns={nasColumns}
        rowKey={(n) => n.id}
      />
    </ConnectionPage>
  );
}

/** A whole, unpaged list read from Kiwire: loading, error, empty, or the table. */
function ReferenceTable<TRow>({
  label,
  emptyTitle,
  query,
  columns,
  rowKey,
}: {
  label: string;
  emptyTitle: string;
  query: UseQueryResult<{ items: TRow[] }>;
  columns: readonly ColumnDef<TRow>[];
  rowKey: (row: TRow) => string;
}) {
  if (query.isPending) return <TableSkeleton rows={4} />;
  if (query.isError) return <QueryErrorState query={query} />;
  if (query.data.items.length === 0) return <EmptyState title={emptyTitle} />;
  return <ColumnTable label={label} columns={columns} rows={query.data.items} rowKey={rowKey} />;
}
