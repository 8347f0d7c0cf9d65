import "server-only";
import type { ConnectionKind, ConnectionListSource } from "@/lib/connection-kinds";
import type { DataTableId } from "@/lib/data-table-ids";
import type { Actor } from "@/lib/server/auth/actor";
import { connectionChoices } from "@/lib/server/connections/connection-choices";
import { pageTableColumns } from "./table-columns";

/** For a list page: the connections of its kind and the person's saved columns of its table, read together. */
export async function connectionListSource(
  actor: Actor,
  kind: ConnectionKind,
  table: DataTableId,
): Promise<ConnectionListSource> {
  const [connections, savedColumns] = await Promise.all([
    connectionChoices(kind),
    pageTableColumns(actor, table),
  ]);
  return { kind, connections, savedColumns };
}
