import { deleteSavedView, updateSavedView } from "@/lib/api/saved-views";
import { route } from "@/lib/server/api/route";
import { personOf } from "@/lib/server/auth/account";
import * as views from "@/lib/server/preferences/saved-views";

export const PATCH = route(updateSavedView, async ({ db, actor, params, body }) =>
  views.updateSavedView(db, personOf(actor), params.id, body),
);

export const DELETE = route(deleteSavedView, async ({ db, actor, params }) =>
  views.deleteSavedView(db, personOf(actor), params.id),
);
