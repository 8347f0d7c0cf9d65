import "server-only";
import { decode, encode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/config/config";
import { parseCookieHeader } from "./session-cookie";

// next-auth's names; the __Secure- one is used over HTTPS (see session-cookie.ts).
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * After a change that ends a person's sessions (a new password), the session it was made from goes on: its
 * JWT is issued again with the new session version and every other claim kept, expiring when it would have.
 * Answers the Set-Cookie value, or null when the request carried no readable session.
 */
export async function reissuedSessionCookie(
  cookieHeader: string | null,
  sessionVersion: number,
  now = new Date(),
): Promise<string | null> {
  const cookies = parseCookieHeader(cookieHeader);
  const name = COOKIE_NAMES.find((candidate) => cookies.has(candidate));
  const token = name ? cookies.get(name) : undefined;
  if (!name || !token) return null;
  const claims = await decode({ token, secret: authSecret() }).catch(() => null);
  const expires = typeof claims?.exp === "number" ? claims.exp : null;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!claims || expires === null || expires <= nowSeconds) return null;
  const { exp: _exp, iat: _iat, jti: _jti, ...kept } = claims;
  const value = await encode({
    token: { ...kept, sv: sessionVersion },
    secret: authSecret(),
    maxAge: expires - nowSeconds,
  });
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return `${name}=${value}; Path=/; Expires=${new Date(expires * 1000).toUTCString()}; HttpOnly; SameSite=Lax${secure}`;
}
