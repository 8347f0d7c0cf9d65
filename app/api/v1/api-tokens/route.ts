import { createApiToken, listApiTokens } from "@/lib/api/api-tokens";
import { route } from "@/lib/server/api/route";
import * as tokens from "@/lib/server/api-tokens";

export const GET = route(listApiTokens, async ({ db }) => ({ items: await tokens.listApiTokens(db) }));

export const POST = route(createApiToken, async ({ db, body, actor, audit }) => {
  const created = await tokens.createApiToken(db, body, actor.kind === "user" ? actor.id : null);
  audit.targetId = created.id;
  return created;
});
