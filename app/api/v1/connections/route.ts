import { createConnection, listConnections } from "@/lib/api/connections";
import { can } from "@/lib/permissions";
import { route } from "@/lib/server/api/route";
import { healthOf } from "@/lib/server/connections/health";
import * as registry from "@/lib/server/connections/registry";
import { secretFieldsOf, splitConfig } from "@/lib/server/connections/settings";

export const GET = route(listConnections, async ({ db, actor }) => {
  const entries = await registry.listConnectionEntries(db);
  const health = await healthOf(
    db,
    entries.map((entry) => entry.id),
  );
  const withSettings = can(actor.role, "connections.manage");
  return {
    items: entries.map((entry) =>
      registry.toConnectionDto(entry, health.get(entry.id) ?? registry.UNKNOWN_HEALTH, withSettings),
    ),
  };
});

export const POST = route(createConnection, async ({ db, body, actor, audit }) => {
  const entry = await registry.createConnection(db, body, actor.label);
  audit.targetConnection = entry.id;
  audit.targetId = entry.id;
  // The settings as stored, and the secrets by name only: the record never holds a value to redact.
  const { id: _id, ...config } = body;
  audit.input = {
    name: entry.name,
    kind: entry.kind,
    ...splitConfig(config).plain,
    storedEncrypted: secretFieldsOf(entry.kind),
  };
  return registry.toConnectionDto(entry, registry.UNKNOWN_HEALTH, true);
});
