import { deleteExtension, getExtension, updateExtension } from "@/lib/api/kerio-extensions";
import { route } from "@/lib/server/api/route";
import { operatorExtensionsFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(getExtension, async ({ db, params }) => {
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return extensions.require(params.number);
});

export const PATCH = route(updateExtension, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.number;
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return extensions.update(params.number, body);
});

export const DELETE = route(deleteExtension, async ({ db, params, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.number;
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return extensions.remove(params.number);
});
