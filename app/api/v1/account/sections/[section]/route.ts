import { setSectionCollapsed } from "@/lib/api/collapsed-sections";
import { route } from "@/lib/server/api/route";
import { personOf } from "@/lib/server/auth/account";
import { saveSectionCollapsed } from "@/lib/server/preferences/collapsed-sections";

export const PUT = route(setSectionCollapsed, async ({ db, actor, params, body, audit }) => {
  audit.targetId = params.section;
  return saveSectionCollapsed(db, personOf(actor).id, params.section, body.collapsed);
});
