import "server-only";
import { randomUUID } from "node:crypto";
import { text } from "@/lib/i18n/api-messages/text";
import { serverConfig } from "@/lib/server/config/config";
import { ApiError } from "@/lib/server/errors/api-error";
import { InvalidatedCache } from "@/lib/server/shared-state/invalidated-cache";
import { sharedState } from "@/lib/server/shared-state/shared-state";
import { AUTH_CACHE_TTL_MS, authBus, forgetSession, sessionTag } from "@/lib/server/users/auth-invalidation";
import type { SessionClaims } from "./session-cookie";

/**
 * How long a session lives. The JWT itself is stateless and next-auth re-issues it with a fresh expiry on every
 * `/api/auth/session` call, so the limits are not left to its expiry:
 * - the absolute limit counts from the sign-in time written into the JWT once (`sat`), which no refresh changes;
 * - the idle limit and sign-out live in the shared state (Redis with several instances): each sign-in records
 *   `session:<id>` for one idle period, every request that uses the session renews it, and signing out deletes
 *   it. A session whose record is gone (idle too long, signed out, or past its absolute limit, which caps the
 *   record's lifetime) is refused on every instance, so a copied cookie stops working when its owner signs out.
 * One record per live session answers all three questions in one command; a list of revoked ids would need
 * a second record for the idle time. That command runs at most once per AUTH_CACHE_TTL_MS per session and
 * instance: in between, the session is known alive in memory, and sign-out tells every instance to forget it.
 * The idle limit is therefore kept to within that time, on the early side (the record's idle period counts
 * from its last renewal). Without REDIS_URL the records live in the process, so restarting a single instance
 * signs everyone out.
 */
export interface SessionLimits {
  maxAgeMs: number;
  idleMs: number;
}

export function sessionLimits(): SessionLimits {
  const { SESSION_MAX_AGE_MINUTES, SESSION_IDLE_MINUTES } = serverConfig();
  return { maxAgeMs: SESSION_MAX_AGE_MINUTES * 60_000, idleMs: SESSION_IDLE_MINUTES * 60_000 };
}

const recordKey = (sessionId: string) => `session:${sessionId}`;

/** The claims a new session adds to its JWT: its id and its start (`sat`, ms). */
export interface SessionStart {
  sid: string;
  sat: number;
}

/** At sign-in: a new session id, alive for one idle period from now. */
export async function startSession(now = Date.now()): Promise<SessionStart> {
  const { maxAgeMs, idleMs } = sessionLimits();
  const sid = randomUUID();
  await sharedState().set(recordKey(sid), String(now), Math.min(idleMs, maxAgeMs));
  return { sid, sat: now };
}

/** Sessions renewed within the last AUTH_CACHE_TTL_MS on this instance; only live ones are kept. */
const renewed = new InvalidatedCache<true>({ bus: authBus(), ttlMs: AUTH_CACHE_TTL_MS, maxEntries: 20_000 });

/**
 * On every request that uses the session: answers whether it is still alive and, if so, renews its idle period
 * (never past its absolute end). Renewing only an existing record is one atomic step, so a request racing a
 * sign-out cannot bring the session back.
 */
export async function continueSession(claims: SessionClaims, now = Date.now()): Promise<boolean> {
  const { maxAgeMs, idleMs } = sessionLimits();
  const left = claims.signedInAt + maxAgeMs - now;
  if (left <= 0) return false;
  const alive = await renewed.read(sessionTag(claims.sessionId), async () => {
    const renewedNow = await sharedState().setIfPresent(
      recordKey(claims.sessionId),
      String(now),
      Math.min(idleMs, left),
    );
    return renewedNow || undefined;
  });
  return alive === true;
}

/** Sign-out: the session ends on every instance, whoever holds a copy of its cookie. */
export async function endSession(sessionId: string): Promise<void> {
  await sharedState().delete(recordKey(sessionId));
  await forgetSession(sessionId);
}

export const SESSION_ENDED = "session_ended";

/** A session cookie that was valid once: it expired, sat idle too long, or was signed out. */
export function sessionEnded(): ApiError {
  return new ApiError(
    401,
    SESSION_ENDED,
    text`Your session has ended (signed out, idle for too long, or past its maximum length). Sign in again.`,
  );
}
