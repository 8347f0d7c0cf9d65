import { listTickets } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listTickets, async ({ db, params, query }) => {
  const kayako = await kayakoFor(db, params.connectionId);
  return kayako.tickets.list(query);
});
