import { createAddressGroupEntry, listAddressGroups } from "@/lib/api/kerio-control";
import { route } from "@/lib/server/api/route";
import { controlAddressGroupsFor } from "@/lib/server/connections/vendor-clients";

export const GET = route(listAddressGroups, async ({ db, params }) => {
  const groups = await controlAddressGroupsFor(db, params.connectionId);
  return groups.list();
});

export const POST = route(createAddressGroupEntry, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = body.groupId || body.groupName || undefined;
  const groups = await controlAddressGroupsFor(db, params.connectionId);
  const result = await groups.create(body);
  audit.targetId = result.entry.id;
  return result;
});
