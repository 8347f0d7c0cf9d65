import { createVouchers, listVouchers } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listVouchers, async ({ db, params, query }) => {
  return (await kiwireIndexedFor(db, params.connectionId)).listVouchers(query);
});

export const POST = route(createVouchers, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  const created = await (await kiwireIndexedFor(db, params.connectionId)).createVouchers(body);
  // The audit row names the batch and how many codes it holds, not the codes themselves.
  audit.targetId = created.batch;
  audit.input = { ...body, count: created.items.length, batch: created.batch };
  return created;
});
