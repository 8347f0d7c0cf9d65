import { listMailDomains } from "@/lib/api/kerio-connect";
import { route } from "@/lib/server/api/route";
import { connectUsersFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listMailDomains, async ({ db, params }) => {
  const users = await connectUsersFor(db, params.connectionId);
  return { items: await users.domains() };
});
