import type { ReactNode } from "react";
import { ConnectionPicker, NoConnectionState } from "@/components/connections/connection-picker";
import { PageHeader } from "@/components/ui/page-header";
import type { ConnectionChoice } from "@/lib/connection-kinds";

/** Spelled out: Tailwind finds the classes it generates by reading them whole in the source. */
const FILTER_GRID = { 1: "max-w-sm", 3: "sm:grid-cols-3", 4: "sm:grid-cols-4" } as const;

/**
 * A Kiwire page: its header (with room for the page's actions), its filter panel (the connection picker
 * first), then its content; or the way to a first hotspot connection when there is none yet.
 */
export function HotspotPage({
  title,
  description,
  actions,
  connections,
  connectionId,
  onConnectionChange,
  filters,
  filterColumns,
  children,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
  connections: readonly ConnectionChoice[];
  connectionId: string;
  /** Another hotspot: the caller picks it and resets what was the old one's (its page, its batch). */
  onConnectionChange: (id: string) => void;
  /** The page's own filters, after the picker. */
  filters?: ReactNode;
  filterColumns: keyof typeof FILTER_GRID;
  children: ReactNode;
}) {
  if (connections.length === 0) {
    return (
      <>
        <PageHeader title={title} description={description} />
        <NoConnectionState kind="kiwire" />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <div
        className={`mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${FILTER_GRID[filterColumns]}`}
      >
        <ConnectionPicker
          label="Kiwire"
          connections={connections}
          value={connectionId}
          onChange={onConnectionChange}
        />
        {filters}
      </div>
      {children}
    </>
  );
}
