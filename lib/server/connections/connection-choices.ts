import "server-only";
import type { ConnectionChoice, ConnectionKind } from "@/lib/connection-kinds";
import { database } from "@/lib/server/db/client";
import { listConnectionEntries } from "./registry";

/**
 * The connections of one kind, for a page's connection picker. Read by the page on the server, so the view
 * renders with its connection at once instead of asking the API for the whole connection list first.
 */
export async function connectionChoices(kind: ConnectionKind): Promise<ConnectionChoice[]> {
  return (await listConnectionEntries(await database()))
    .filter((entry) => entry.kind === kind)
    .map((entry) => ({ id: entry.id, name: entry.name }));
}
