import { getVoucherPrintSettings } from "@/lib/api/kiwire";
import { route } from "@/lib/server/api/route";
import { voucherPrintSettings } from "@/lib/server/connections/voucher-print-settings";

export const GET = route(getVoucherPrintSettings, ({ db, params }) =>
  voucherPrintSettings(db, params.connectionId),
);
