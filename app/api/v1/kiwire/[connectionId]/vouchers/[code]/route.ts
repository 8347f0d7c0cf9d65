import { deleteVoucher } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const DELETE = route(deleteVoucher, async ({ db, params, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.code;
  audit.input = { code: params.code, count: 1 };
  return (await kiwireIndexedFor(db, params.connectionId)).deleteVoucher(params.code);
});
