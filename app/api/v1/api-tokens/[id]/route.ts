import { revokeApiToken } from "@/lib/api/api-tokens";
import { route } from "@/lib/server/api/route";
import * as tokens from "@/lib/server/users/api-tokens";

export const DELETE = route(revokeApiToken, async ({ db, params }) => tokens.revokeApiToken(db, params.id));
