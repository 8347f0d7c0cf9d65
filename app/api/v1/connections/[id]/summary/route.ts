import { getConnectionSummary } from "@/lib/api/connection-summary";
import { route } from "@/lib/server/api/route";
import { connectionSummary } from "@/lib/server/connections/connection-summary";

export const GET = route(getConnectionSummary, async ({ db, params, actor }) =>
  connectionSummary(db, params.id, actor.role),
);
