import { refreshVoucherIndex } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";

export const POST = route(refreshVoucherIndex, async ({ db, params, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = "vouchers";
  return (await kiwireIndexedFor(db, params.connectionId)).refresh("voucher");
});
