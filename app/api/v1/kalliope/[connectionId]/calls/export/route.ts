import { exportCalls } from "@/lib/api/kalliope";
import { route } from "@/lib/server/api/route";
import { kalliopeCdrFor } from "@/lib/server/connections/vendor-clients";
import { EXPORT_COLUMNS, exportRow, filteredCalls } from "@/lib/server/vendors/kalliope/cdr-query";
import { startOffset } from "@/lib/server/vendors/kalliope/pbx-time";
import { csvResponse } from "@/lib/server/web/csv-response";

export const GET = route(exportCalls, async ({ db, params, query }) => {
  const source = await kalliopeCdrFor(db, params.connectionId);
  const { calls, range } = await filteredCalls(source, query, query);
  // The calls are in memory: a plain generator, so the CSV stream builds its chunks without a wait per row.
  function* rows() {
    for (const call of calls) yield exportRow(call, startOffset(call.startTime, call.id, range.timeZone));
  }
  const response = csvResponse(
    `calls-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.csv`,
    EXPORT_COLUMNS,
    rows(),
  );
  // The browser shows progress against this (the body is streamed, so there is no Content-Length).
  response.headers.set("x-total-count", String(calls.length));
  return response;
});
