import { listExtensionOwners } from "@/lib/api/kerio-extensions";
import { route } from "@/lib/server/api/route";
import { operatorExtensionsFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listExtensionOwners, async ({ db, params }) => {
  const extensions = await operatorExtensionsFor(db, params.connectionId);
  return { items: await extensions.owners() };
});
