import "server-only";
import { EVERYTHING, invalidationBus } from "@/lib/server/shared-state/invalidation-bus";

/**
 * Who a request comes from is read from memory on most requests (the person, their API tokens, whether their
 * session is still alive), and forgotten on every instance the moment it changes: every change that can end
 * or narrow someone's access calls one of these after its database write. A change made outside the console
 * (SQL by hand, or the users CLI with no Redis to tell the server) is seen within AUTH_CACHE_TTL_MS.
 */
export const AUTH_CACHE_TTL_MS = 15_000;

export const authBus = () => invalidationBus("auth");

export const userTag = (userId: string) => `user:${userId}`;
export const tokenTag = (tokenId: string) => `token:${tokenId}`;
export const sessionTag = (sessionId: string) => `session:${sessionId}`;

/** The person's role, state, session version or owed account step changed; their tokens go with them. */
export function forgetUser(userId: string): Promise<void> {
  return authBus().invalidate(userTag(userId));
}

/** A change that concerns everyone (the two-factor requirement). */
export function forgetEveryone(): Promise<void> {
  return authBus().invalidate(EVERYTHING);
}

export function forgetToken(tokenId: string): Promise<void> {
  return authBus().invalidate(tokenTag(tokenId));
}

export function forgetSession(sessionId: string): Promise<void> {
  return authBus().invalidate(sessionTag(sessionId));
}
