import { listConnectionExchanges } from "@/lib/api/connection-exchanges";
import { text } from "@/lib/i18n/api-messages/text";
import { route } from "@/lib/server/api/route";
import { findConnectionEntry } from "@/lib/server/connections/registry";
import { connectionExchanges } from "@/lib/server/diagnostics/exchange-log";
import { notFound } from "@/lib/server/errors/api-error";

export const GET = route(listConnectionExchanges, async ({ db, params, query }) => {
  if (!(await findConnectionEntry(db, params.id)))
    throw notFound(text`No connection with the id "${params.id}".`);
  const list = { connectionId: params.id, items: await connectionExchanges(params.id) };
  if (query.download !== "true") return list;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return Response.json(list, {
    headers: { "content-disposition": `attachment; filename="${params.id}-exchanges-${stamp}.json"` },
  });
});
