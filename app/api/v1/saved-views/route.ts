import { createSavedView, listSavedViews } from "@/lib/api/saved-views";
import { route } from "@/lib/server/api/route";
import { personOf } from "@/lib/server/auth/account";
import * as views from "@/lib/server/preferences/saved-views";

export const GET = route(listSavedViews, async ({ db, actor, query }) =>
  views.listSavedViews(db, personOf(actor), query.table),
);

export const POST = route(createSavedView, async ({ db, actor, body, audit }) => {
  audit.targetId = body.table;
  const view = await views.createSavedView(db, personOf(actor), body);
  audit.targetId = view.id;
  return view;
});
