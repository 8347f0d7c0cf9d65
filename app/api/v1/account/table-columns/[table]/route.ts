import { setTableColumns } from "@/lib/api/table-columns";
import { route } from "@/lib/server/api/route";
import { personOf } from "@/lib/server/auth/account";
import { saveTableColumns } from "@/lib/server/preferences/table-columns";

export const PUT = route(setTableColumns, async ({ db, actor, params, body, audit }) => {
  audit.targetId = params.table;
  return saveTableColumns(db, personOf(actor).id, params.table, body.columns);
});
