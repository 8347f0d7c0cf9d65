import { searchHelpdeskUsers } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(searchHelpdeskUsers, async ({ db, params, query }) => {
  const kayako = await kayakoFor(db, params.connectionId);
  return { items: await kayako.tickets.searchUsers(query.q) };
});
