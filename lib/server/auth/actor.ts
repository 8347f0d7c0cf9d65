import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import type { Locale } from "@/lib/i18n/locales";
import type { Role } from "@/lib/permissions";
import { database } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/errors/api-error";
import { findActiveToken } from "@/lib/server/users/api-tokens";
import { principalOf } from "./principal";
import { readSessionClaims } from "./session-cookie";
import { continueSession, sessionEnded } from "./session-lifetime";

/** Who is making a request: a signed-in person or a script holding an API token. */
export type Actor =
  | { kind: "user"; id: string; label: string; name: string; role: Role; language: Locale | null }
  | { kind: "token"; id: string; label: string; role: Role };

/**
 * Resolves the actor from a bearer token or the session cookie. The person (and a token's row) comes from a
 * cache every change of access empties on every instance (auth-invalidation.ts), so disabling a user,
 * changing their role or "sign out everywhere" takes effect at their next request even though the session
 * itself is a stateless JWT, without a database trip on each request. A session past its absolute or idle
 * limit, or signed out, is refused with `session_ended` (lib/server/auth/session-lifetime.ts).
 */
export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const db = await database();
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1] ? await findActiveToken(db, match[1]) : null;
    if (!token) {
      throw new ApiError(
        401,
        "invalid_token",
        text`The API token is invalid, expired or revoked. Create a new one in Admin → API tokens.`,
      );
    }
    return { kind: "token", id: token.id, label: `token:${token.name}`, role: token.role };
  }
  const claims = await readSessionClaims(headers.get("cookie"));
  if (!claims) return null;
  if (!(await continueSession(claims))) throw sessionEnded();
  const user = await principalOf(db, claims.userId);
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    kind: "user",
    id: user.id,
    label: user.email,
    name: user.name,
    role: user.role,
    language: user.language,
  };
}
