import "server-only";

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
