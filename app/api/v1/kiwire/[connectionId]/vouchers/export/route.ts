import { exportVouchers } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { kiwireIndexedFor } from "@/lib/server/connections/vendor-clients";
import { VOUCHER_CSV_COLUMNS } from "@/lib/server/vendors/kiwire/hotspot";
import { csvResponse } from "@/lib/server/web/csv-response";

export const GET = route(exportVouchers, async ({ db, params, query }) => {
  const vouchers = await (await kiwireIndexedFor(db, params.connectionId)).exportVouchers(query);
  // In memory: a plain generator, so the CSV stream builds its chunks without a wait per row.
  function* rows() {
    for (const v of vouchers) {
      yield [v.username, v.profile, v.status, v.batch, v.price, v.createdAt, v.expiresAt, v.zone, v.remark];
    }
  }
  const name = query.batch ? `vouchers-${query.batch}.csv` : "vouchers.csv";
  const response = csvResponse(name, VOUCHER_CSV_COLUMNS, rows());
  response.headers.set("x-total-count", String(vouchers.length));
  return response;
});
