import { removeAddressGroupEntry, updateAddressGroupEntry } from "@/lib/api/kerio-control";
import { route } from "@/lib/server/api/route";
import { controlAddressGroupsFor } from "@/lib/server/connections/vendor-clients";

export const PATCH = route(updateAddressGroupEntry, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.entryId;
  const groups = await controlAddressGroupsFor(db, params.connectionId);
  return groups.update(params.entryId, body);
});

export const DELETE = route(removeAddressGroupEntry, async ({ db, params, query, audit }) => {
  audit.targetConnection = params.connectionId;
  audit.targetId = params.entryId;
  const groups = await controlAddressGroupsFor(db, params.connectionId);
  return groups.remove(params.entryId, query.acknowledgeCutOff === "true");
});
