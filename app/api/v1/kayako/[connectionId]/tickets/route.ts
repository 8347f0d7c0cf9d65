import { listTickets } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/vendors/kayako/client-for";

export const GET = route(listTickets, async ({ db, params, query }) => {
  const kayako = await kayakoFor(db, params.connectionId);
  return kayako.tickets.list(query);
});
