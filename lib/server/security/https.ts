import "server-only";
import { logger } from "@/lib/server/logging/logger";

/**
 * Whether the browser reached the console over HTTPS. Two signals, either is enough:
 * - `NEXTAUTH_URL` is an `https://` address: the operator declared the public URL (next-auth then also marks
 *   its own cookies `Secure` and prefixes them `__Secure-`);
 * - `X-Forwarded-Proto: https`, set by the TLS-terminating reverse proxy (Next fills it in from the socket
 *   when no proxy did).
 * A client talking to Next directly can forge the header, but gains nothing: browsers ignore HSTS received
 * over plain HTTP and refuse to store a `Secure` cookie from an `http://` page.
 */
export function servedOverHttps(headers: Headers, publicUrl = process.env.NEXTAUTH_URL): boolean {
  if (publicUrl?.startsWith("https://")) return true;
  // A chain of proxies appends values; the first one is what the browser used.
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

let warnedInsecureSessionCookie = false;

/**
 * next-auth marks its cookies `Secure` only when NEXTAUTH_URL is https. Says so once, in the server log, when
 * HTTPS traffic arrives while it is not, instead of leaving the session cookie quietly without the flag.
 */
export function warnIfSessionCookieInsecure(https: boolean, publicUrl = process.env.NEXTAUTH_URL): void {
  if (!https || warnedInsecureSessionCookie || publicUrl?.startsWith("https://")) return;
  warnedInsecureSessionCookie = true;
  logger.warn(
    "[security] The console is reached over HTTPS (X-Forwarded-Proto) but NEXTAUTH_URL is not an https:// " +
      "address, so the session cookie is not marked Secure. Set NEXTAUTH_URL to the console's public https:// address.",
  );
}

/**
 * The console's own origin, for resolving links against: the declared public address, or else the address the
 * request came to (scheme from servedOverHttps, host from X-Forwarded-Host or Host).
 */
export function consoleOrigin(headers: Headers, publicUrl = process.env.NEXTAUTH_URL): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const origin = `${servedOverHttps(headers, publicUrl) ? "https" : "http"}://${host}`;
  // A Host header that is not a host (a client can send anything) gets a placeholder origin.
  return URL.canParse(origin) ? new URL(origin).origin : "http://localhost";
}
