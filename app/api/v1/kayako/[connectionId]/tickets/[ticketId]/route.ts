import { getTicket, updateTicket } from "@/lib/api/kayako";
import { route } from "@/lib/server/api/route";
import { kayakoFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(getTicket, async ({ db, params }) => {
  const kayako = await kayakoFor(db, params.connectionId);
  return kayako.tickets.get(params.ticketId);
});

export const PATCH = route(updateTicket, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.ticketId;
  const kayako = await kayakoFor(db, params.connectionId);
  const result = await kayako.tickets.update(params.ticketId, body);
  // A silently ignored change is part of what happened: keep it in the audit record too.
  audit.input = { ...body, notApplied: result.notApplied.map((change) => change.field) };
  return result;
});
