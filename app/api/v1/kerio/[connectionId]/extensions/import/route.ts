import { importExtensions } from "@/lib/api/kerio-extensions";
import { route } from "@/lib/server/api/route";
import { operatorExtensionsFor } from "@/lib/server/connections/vendor-clients";
import { ApiError } from "@/lib/server/errors/api-error";

export const POST = route(importExtensions, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = body.rows
    .map((row) => row.number)
    .join(",")
    .slice(0, 255);
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  const results = [];
  // One at a time: the PBX is a small machine, and a row's failure must not stop the others.
  for (const [row, input] of body.rows.entries()) {
    try {
      const { sipPassword } = await extensions.create(input);
      results.push({ row, number: input.number, ok: true, message: null, field: null, sipPassword });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const field = error.details?.find((detail) => detail.field)?.field ?? null;
      results.push({
        row,
        number: input.number,
        ok: false,
        message: error.text,
        field,
        sipPassword: null,
      });
    }
  }
  audit.input = { rows: body.rows.length, failed: results.filter((result) => !result.ok).length };
  return { results };
});
