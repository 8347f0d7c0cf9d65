import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/i18n-provider";
import { PageHeader } from "@/components/ui/page-header";
import type { ConnectionChoice, ConnectionKind } from "@/lib/connection-kinds";
import { ConnectionPicker, NoConnectionState } from "./connection-picker";

/** Spelled out: Tailwind finds the classes it generates by reading them whole in the source. */
const FILTER_GRID = { 1: "max-w-sm", 3: "sm:grid-cols-3", 4: "sm:grid-cols-4" } as const;

/** The page's kind, its connections, the one shown and how another is picked (`useServerList` gives all). */
export interface PageConnection {
  kind: ConnectionKind;
  connections: readonly ConnectionChoice[];
  connectionId: string;
  chooseConnection: (id: string) => void;
}

/** Filters in the picker's panel, laid out in that many columns; or none, for a page with a filter bar of its own. */
type PanelFilters =
  | { filters: ReactNode; filterColumns: keyof typeof FILTER_GRID }
  | { filters?: never; filterColumns?: never };

export type ConnectionPageProps = PanelFilters & {
  title: string;
  description: string;
  /** The page's own buttons in its header (New, Import, Export). */
  actions?: ReactNode;
  connection: PageConnection;
  children: ReactNode;
};

/**
 * A page about one appliance of a kind: its header (with room for the page's actions), the filter panel with
 * the connection picker first, then its content; or, with no connection of the kind yet, the way to one.
 */
export function ConnectionPage({
  title,
  description,
  actions,
  connection,
  filters,
  filterColumns,
  children,
}: ConnectionPageProps) {
  const t = useTranslations("connections");
  if (connection.connections.length === 0) {
    return (
      <>
        <PageHeader title={title} description={description} />
        <NoConnectionState kind={connection.kind} />
      </>
    );
  }
  const picker = (
    <ConnectionPicker
      label={t(`picker.${connection.kind}`)}
      connections={connection.connections}
      value={connection.connectionId}
      onChange={connection.chooseConnection}
    />
  );
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {filterColumns ? (
        <div
          className={`mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${FILTER_GRID[filterColumns]}`}
        >
          {picker}
          {filters}
        </div>
      ) : (
        // A page whose filters are a bar of their own: the picker alone needs no panel around it.
        <div className="mb-3 max-w-sm">{picker}</div>
      )}
      {children}
    </>
  );
}
