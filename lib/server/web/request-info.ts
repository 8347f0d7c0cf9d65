import "server-only";

/**
 * The client's address. Next sets X-Forwarded-For from the socket when no proxy did; behind one reverse proxy
 * the right-most entry is the address that proxy saw. (A client talking to Next directly can forge the header;
 * the per-account sign-in limit does not depend on it.)
 */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}

export function userAgent(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get("user-agent") : headers["user-agent"];
  return (Array.isArray(raw) ? raw[0] : raw) ?? null;
}
