import { testConnection } from "@/lib/api/connections";
import { text } from "@/lib/i18n/api-messages/text";
import { route } from "@/lib/server/api/route";
import { checkConnection } from "@/lib/server/connections/health";
import { findConnectionEntry } from "@/lib/server/connections/registry";
import { notFound } from "@/lib/server/errors/api-error";

export const POST = route(testConnection, async ({ db, params, audit }) => {
  audit.targetConnection = params.id;
  if (!(await findConnectionEntry(db, params.id)))
    throw notFound(text`No connection with the id "${params.id}".`);
  const result = await checkConnection(db, params.id);
  // A failed test is a result, not an error; the audit record still says how it went.
  audit.input = { outcome: result.outcome, latencyMs: result.latencyMs };
  return result;
});
