import { searchConsole } from "@/lib/api/search";
import { can } from "@/lib/permissions";
import { route } from "@/lib/server/api/route";
import { searchConsole as search } from "@/lib/server/search/console-search";

export const GET = route(searchConsole, async ({ db, actor, query }) => ({
  query: query.q,
  sources: await search(db, (permission) => can(actor.role, permission), query.q),
}));
