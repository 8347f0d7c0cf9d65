import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/config/config";

/**
 * Whether next-auth names and marks its cookies for HTTPS: when NEXTAUTH_URL is `https://` (next-auth's own
 * default, made explicit in authOptions so the two cannot disagree).
 */
export function secureSessionCookie(publicUrl = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

/**
 * The one name the session cookie has here. On HTTPS only `__Secure-…` is read: browsers accept that name only
 * from a secure page with the `Secure` flag, whereas a plain-named cookie can be planted over plain HTTP or
 * by a sibling subdomain (session fixation). Values over ~4 KB are split into `.0`, `.1`, ...
 */
export function sessionCookieName(): string {
  return secureSessionCookie() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

function sessionToken(cookies: Map<string, string>): string | null {
  const name = sessionCookieName();
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks = [...cookies.keys()]
    .filter((key) => key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((key) => cookies.get(key)).join("") : null;
}

/** Whether the Cookie header carries a session cookie at all, valid or not. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return sessionToken(parseCookieHeader(cookieHeader)) !== null;
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** This session's id (one per sign-in, kept across next-auth's refreshes): what sign-out revokes. */
  sessionId: string;
  /** When the person signed in (ms): the absolute lifetime counts from here, whatever refreshed the JWT. */
  signedInAt: number;
}

/**
 * Session JWTs already opened, by their exact text: deriving the key and decrypting cost more than the rest of
 * an authenticated request. Holding them is safe because a JWT's text never changes what it says, and each is
 * dropped at its own expiry; revocation is not decided here but by the session record and the person's
 * version (session-lifetime.ts, principal.ts). next-auth re-issues the JWT on refresh, so old texts go first.
 */
const opened = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();
const MAX_OPENED = 10_000;

function remember(token: string, claims: SessionClaims, exp: unknown): void {
  if (typeof exp !== "number") return;
  if (opened.size >= MAX_OPENED) {
    const oldest = opened.keys().next().value;
    if (oldest !== undefined) opened.delete(oldest);
  }
  opened.set(token, { claims, expiresAtMs: exp * 1000 });
}

/**
 * Reads next-auth's encrypted session JWT from a Cookie header. Works on any Request (route handlers, tests),
 * unlike getServerSession, which needs Next's request context.
 */
export async function readSessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  const token = sessionToken(parseCookieHeader(cookieHeader));
  if (!token) return null;
  const known = opened.get(token);
  if (known && known.expiresAtMs > Date.now()) return known.claims;
  if (known) opened.delete(token);
  const claims = await decode({ token, secret: authSecret() }).catch(() => null);
  // JWTs from before sessions had ids and a start carry neither: their holders sign in again.
  if (
    !claims ||
    typeof claims.sub !== "string" ||
    typeof claims.sv !== "number" ||
    typeof claims.sid !== "string" ||
    typeof claims.sat !== "number"
  )
    return null;
  const read = {
    userId: claims.sub,
    sessionVersion: claims.sv,
    sessionId: claims.sid,
    signedInAt: claims.sat,
  };
  remember(token, read, claims.exp);
  return read;
}
