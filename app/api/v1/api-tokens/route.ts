import { createApiToken, listApiTokens } from "@/lib/api/api-tokens";
import { route } from "@/lib/server/api/route";
import { tokenNotAllowed } from "@/lib/server/errors/api-error";
import * as tokens from "@/lib/server/users/api-tokens";

export const GET = route(listApiTokens, async ({ db }) => ({ items: await tokens.listApiTokens(db) }));

export const POST = route(createApiToken, async ({ db, body, actor, audit }) => {
  // The wrapper already refused tokens (allowTokens: false); this narrows the type: a token answers to a person.
  if (actor.kind !== "user") throw tokenNotAllowed(createApiToken.operationId);
  const created = await tokens.createApiToken(db, body, actor.id);
  audit.targetId = created.id;
  return created;
});
