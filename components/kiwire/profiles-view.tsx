"use client";

import { parseAsString, useQueryStates } from "nuqs";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useHotspotPickers } from "./use-hotspot-pickers";
import { KiwireConnectionPicker, useKiwireConnections } from "./vouchers-view";

/** Profiles (plans) and NAS entries, read only: Kiwire's own admin pages are where they are changed. */
export function ProfilesView() {
  const [state, setState] = useQueryStates({ connection: parseAsString.withDefault("") });
  const connections = useKiwireConnections();
  const connectionId = state.connection || connections.data?.[0]?.id || "";
  const { profiles, nas } = useHotspotPickers(connectionId);
  const dash = (value: number | null) => (value === null ? "—" : value.toLocaleString("en"));
  return (
    <>
      <PageHeader
        title="Hotspot profiles and NAS"
        description="Read from Kiwire for reference and for the pickers."
      />
      <div className="mb-4 max-w-sm">
        <KiwireConnectionPicker
          value={connectionId}
          connections={connections.data ?? []}
          onChange={(id) => void setState({ connection: id })}
        />
      </div>
      {connections.data && connections.data.length === 0 && (
        <EmptyState title="No Kiwire connection">An admin adds one under Connections.</EmptyState>
      )}
      <h2 className="mb-2 text-lg font-semibold">Profiles</h2>
      {profiles.isPending && connectionId && <TableSkeleton rows={4} />}
      <QueryErrorState query={profiles} />
      {profiles.data && (
        <Table aria-label="Profiles">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Type</Th>
              <Th>Price</Th>
              <Th>Minutes</Th>
              <Th>Idle timeout</Th>
              <Th>Simultaneous</Th>
              <Th>Down / up kbps</Th>
            </tr>
          </thead>
          <tbody>
            {profiles.data.items.map((p) => (
              <tr key={p.name}>
                <Td className="font-mono">{p.name}</Td>
                <Td>{p.type}</Td>
                <Td>{p.price}</Td>
                <Td>{dash(p.minutes)}</Td>
                <Td>{dash(p.idleTimeout)}</Td>
                <Td>{dash(p.simultaneous)}</Td>
                <Td>
                  {dash(p.downKbps)} / {dash(p.upKbps)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2 className="mt-6 mb-2 text-lg font-semibold">NAS</h2>
      {nas.isPending && connectionId && <TableSkeleton rows={4} />}
      <QueryErrorState query={nas} />
      {nas.data && (
        <Table aria-label="NAS">
          <thead>
            <tr>
              <Th>Id</Th>
              <Th>Address</Th>
              <Th>Short name</Th>
              <Th>Type</Th>
              <Th>Zone</Th>
              <Th>Location</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody>
            {nas.data.items.map((n) => (
              <tr key={n.id}>
                <Td className="font-mono">{n.id}</Td>
                <Td className="font-mono">{n.name}</Td>
                <Td>{n.shortName}</Td>
                <Td>{n.type}</Td>
                <Td>{n.zone}</Td>
                <Td>{n.location}</Td>
                <Td>{n.description}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
