import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/config";

/** next-auth's cookie name; `__Secure-` when served over HTTPS. Values over ~4 KB are split into `.0`, `.1`, ... */
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

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
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks = [...cookies.keys()]
      .filter((key) => key.startsWith(`${name}.`))
      .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
    if (chunks.length > 0) return chunks.map((key) => cookies.get(key)).join("");
  }
  return null;
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/**
 * Reads next-auth's encrypted session JWT from a Cookie header. Works on any Request (route handlers, tests),
 * unlike getServerSession, which needs Next's request context.
 */
export async function readSessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  const token = sessionToken(parseCookieHeader(cookieHeader));
  if (!token) return null;
  const claims = await decode({ token, secret: authSecret() }).catch(() => null);
  if (!claims || typeof claims.sub !== "string" || typeof claims.sv !== "number") return null;
  return { userId: claims.sub, sessionVersion: claims.sv };
}
