import { deleteConnection, getConnection, updateConnection } from "@/lib/api/connections";
import { text } from "@/lib/i18n/api-messages/text";
import { can } from "@/lib/permissions";
import { route } from "@/lib/server/api/route";
import { healthOf } from "@/lib/server/connections/health";
import * as registry from "@/lib/server/connections/registry";
import { secretFieldsOf } from "@/lib/server/connections/settings";
import { notFound } from "@/lib/server/errors/api-error";

export const GET = route(getConnection, async ({ db, params, actor }) => {
  const entry = await registry.findConnectionEntry(db, params.id);
  if (!entry) throw notFound(text`No connection with the id "${params.id}".`);
  const health = await healthOf(db, [entry.id]);
  return registry.toConnectionDto(
    entry,
    health.get(entry.id) ?? registry.UNKNOWN_HEALTH,
    can(actor.role, "connections.manage"),
  );
});

export const PATCH = route(updateConnection, async ({ db, params, body, audit }) => {
  audit.targetConnection = params.id;
  const secrets = new Set<string>(secretFieldsOf(body.kind));
  // What changed, with secrets named but never included: "password" was replaced, not its value.
  audit.input = Object.fromEntries(
    Object.entries(body).map(([field, value]) => [field, secrets.has(field) ? "(replaced)" : value]),
  );
  const { entry } = await registry.updateConnection(db, params.id, body);
  const health = await healthOf(db, [entry.id]);
  return registry.toConnectionDto(entry, health.get(entry.id) ?? registry.UNKNOWN_HEALTH, true);
});

export const DELETE = route(deleteConnection, async ({ db, params, audit }) => {
  audit.targetConnection = params.id;
  const entry = await registry.deleteConnection(db, params.id);
  audit.input = { name: entry.name, kind: entry.kind };
  return registry.toConnectionDto(entry, registry.UNKNOWN_HEALTH, true);
});
