import type { ColumnDef } from "@/components/data-table/columns";
import type { SessionDto } from "@/lib/api/kiwire";

function bytes(value: number | null): string {
  if (value === null) return "—";
  return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${Math.round(value / 1e3)} kB`;
}

/** Login history columns (Kiwire's radacct rows); none sorts, as Kiwire lists sessions in one order. */
export const SESSION_COLUMNS: readonly ColumnDef<SessionDto, never>[] = [
  { id: "username", header: "User", className: "font-mono", cell: (s) => s.username },
  { id: "startedAt", header: "Started", cell: (s) => s.startedAt ?? "—" },
  { id: "stoppedAt", header: "Stopped", cell: (s) => s.stoppedAt ?? "online" },
  { id: "minutes", header: "Minutes", cell: (s) => (s.seconds === null ? "—" : Math.round(s.seconds / 60)) },
  { id: "zone", header: "Zone", cell: (s) => s.zone },
  { id: "mac", header: "MAC", className: "font-mono", cell: (s) => s.mac },
  { id: "ip", header: "IP", className: "font-mono", cell: (s) => s.ip },
  { id: "traffic", header: "Down / up", cell: (s) => `${bytes(s.bytesOut)} / ${bytes(s.bytesIn)}` },
  { id: "terminateCause", header: "Ended by", cell: (s) => s.terminateCause },
];

/** One user's sessions: the user column would repeat their name on every row. */
export const USER_SESSION_COLUMNS = SESSION_COLUMNS.filter((column) => column.id !== "username");

export const sessionKey = (session: SessionDto) => session.id;
