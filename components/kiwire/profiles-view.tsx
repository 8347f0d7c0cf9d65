"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { ConnectionPage } from "@/components/connections/connection-page";
import { useConnectionChoice } from "@/components/connections/connection-picker";
import { ColumnTable } from "@/components/data-table/column-table";
import type { ColumnDef } from "@/components/data-table/columns";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import type { HotspotProfileDto, NasDto } from "@/lib/api/kiwire";
import type { ConnectionChoice } from "@/lib/connection-kinds";
import { useHotspotPickers } from "./use-hotspot-pickers";

const dash = (value: number | null) => (value === null ? "—" : value.toLocaleString("en"));

const PROFILE_COLUMNS: readonly ColumnDef<HotspotProfileDto>[] = [
  { id: "name", header: "Name", className: "font-mono", cell: (p) => p.name },
  { id: "type", header: "Type", cell: (p) => p.type },
  { id: "price", header: "Price", cell: (p) => p.price },
  { id: "minutes", header: "Minutes", cell: (p) => dash(p.minutes) },
  { id: "idleTimeout", header: "Idle timeout", cell: (p) => dash(p.idleTimeout) },
  { id: "simultaneous", header: "Simultaneous", cell: (p) => dash(p.simultaneous) },
  { id: "speed", header: "Down / up kbps", cell: (p) => `${dash(p.downKbps)} / ${dash(p.upKbps)}` },
];

const NAS_COLUMNS: readonly ColumnDef<NasDto>[] = [
  { id: "id", header: "Id", className: "font-mono", cell: (n) => n.id },
  { id: "name", header: "Address", className: "font-mono", cell: (n) => n.name },
  { id: "shortName", header: "Short name", cell: (n) => n.shortName },
  { id: "type", header: "Type", cell: (n) => n.type },
  { id: "zone", header: "Zone", cell: (n) => n.zone },
  { id: "location", header: "Location", cell: (n) => n.location },
  { id: "description", header: "Description", cell: (n) => n.description },
];

/** Profiles (plans) and NAS entries, read only: Kiwire's own admin pages are where they are changed. */
export function ProfilesView({ connections }: { connections: ConnectionChoice[] }) {
  const { connectionId, choose } = useConnectionChoice(connections);
  const { profiles, nas } = useHotspotPickers(connectionId);
  return (
    <ConnectionPage
      title="Hotspot profiles and NAS"
      description="Read from Kiwire for reference and for the pickers."
      connection={{ kind: "kiwire", connections, connectionId, chooseConnection: choose }}
      filterColumns={1}
    >
      <h2 className="mb-2 text-lg font-semibold">Profiles</h2>
      <ReferenceTable label="Profiles" query={profiles} columns={PROFILE_COLUMNS} rowKey={(p) => p.name} />
      <h2 className="mt-6 mb-2 text-lg font-semibold">NAS</h2>
      <ReferenceTable label="NAS" query={nas} columns={NAS_COLUMNS} rowKey={(n) => n.id} />
    </ConnectionPage>
  );
}

/** A whole, unpaged list read from Kiwire: loading, error, empty, or the table. */
function ReferenceTable<TRow>({
  label,
  query,
  columns,
  rowKey,
}: {
  label: string;
  query: UseQueryResult<{ items: TRow[] }>;
  columns: readonly ColumnDef<TRow>[];
  rowKey: (row: TRow) => string;
}) {
  if (query.isPending) return <TableSkeleton rows={4} />;
  if (query.isError) return <QueryErrorState query={query} />;
  if (query.data.items.length === 0) return <EmptyState title={`No ${label} on this Kiwire`} />;
  return <ColumnTable label={label} columns={columns} rows={query.data.items} rowKey={rowKey} />;
}
