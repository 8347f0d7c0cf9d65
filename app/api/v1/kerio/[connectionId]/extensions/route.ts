import { createExtension, listExtensions } from "@/lib/api/kerio-extensions";
import { route } from "@/lib/server/api/route";
import { operatorExtensionsFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listExtensions, async ({ db, params, query }) => {
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return extensions.list(query);
});

export const POST = route(createExtension, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = body.number;
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return extensions.create(body);
});
