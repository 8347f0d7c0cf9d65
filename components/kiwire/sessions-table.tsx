"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState, QueryErrorState, TableSkeleton } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { kiwireQueries } from "@/lib/client/queries/kiwire";

export interface SessionsTableProps {
  connectionId: string;
  username?: string;
  from: string;
  to: string;
  page: number;
  onPage?: (page: number) => void;
}

function bytes(value: number | null): string {
  if (value === null) return "—";
  return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${Math.round(value / 1e3)} kB`;
}

/** Login history (Kiwire's radacct rows), newest first; one user's or everyone's. */
export function SessionsTable({ connectionId, username, from, to, page, onPage }: SessionsTableProps) {
  const sessions = useQuery({
    ...kiwireQueries.loginHistory(connectionId, {
      page,
      pageSize: 50,
      ...(username && { username }),
      ...(from && { from }),
      ...(to && { to }),
    }),
    enabled: connectionId !== "",
  });
  if (sessions.isPending) return <TableSkeleton rows={5} />;
  if (sessions.isError) return <QueryErrorState query={sessions} />;
  const data = sessions.data;
  if (data.items.length === 0) return <EmptyState title="No sessions">Widen the time range.</EmptyState>;
  return (
    <>
      <Table aria-label="Login history">
        <thead>
          <tr>
            {!username && <Th>User</Th>}
            <Th>Started</Th>
            <Th>Stopped</Th>
            <Th>Minutes</Th>
            <Th>Zone</Th>
            <Th>MAC</Th>
            <Th>IP</Th>
            <Th>Down / up</Th>
            <Th>Ended by</Th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.id} data-testid="session-row">
              {!username && <Td className="font-mono">{s.username}</Td>}
              <Td>{s.startedAt ?? "—"}</Td>
              <Td>{s.stoppedAt ?? "online"}</Td>
              <Td>{s.seconds === null ? "—" : Math.round(s.seconds / 60)}</Td>
              <Td>{s.zone}</Td>
              <Td className="font-mono">{s.mac}</Td>
              <Td className="font-mono">{s.ip}</Td>
              <Td>
                {bytes(s.bytesOut)} / {bytes(s.bytesIn)}
              </Td>
              <Td>{s.terminateCause}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {onPage && (
        <nav aria-label="Pages" className="mt-3 flex justify-end gap-2 text-sm">
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
            className="rounded border px-2 py-1"
          >
            Previous
          </button>
          <button
            type="button"
            disabled={!data.hasMore}
            onClick={() => onPage(page + 1)}
            className="rounded border px-2 py-1"
          >
            Next
          </button>
        </nav>
      )}
    </>
  );
}
