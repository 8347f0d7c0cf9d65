import { type NextRequest, NextResponse } from "next/server";
import {
  API_POLICY,
  createNonce,
  NONCE_HEADER,
  pagePolicy,
  securityHeaders,
} from "@/lib/server/security/headers";
import { servedOverHttps, warnIfSessionCookieInsecure } from "@/lib/server/security/https";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((cookie) =>
      SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)),
    );
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Two jobs, both before anything renders:
 * - security headers on every page, API answer and redirect, with a fresh CSP nonce per page (Next reads the
 *   nonce from the request's Content-Security-Policy header and puts it on its own scripts);
 * - an optimistic redirect: a visitor with no session cookie at all is sent to the login page instead of
 *   rendering a page that would redirect anyway. Whether the cookie is valid, and what its holder may do, is
 *   decided by each page and route handler (the proxy is not an authorization layer). The APIs answer 401
 *   JSON themselves, and the login page is where the redirect goes.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps(request.headers);
  warnIfSessionCookieInsecure(https);
  if (pathname.startsWith("/api/"))
    return withHeaders(NextResponse.next(), securityHeaders(API_POLICY, https));

  if (pathname !== "/login" && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return withHeaders(NextResponse.redirect(login), securityHeaders(API_POLICY, https));
  }

  const nonce = createNonce();
  const policy = pagePolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  // Replaces anything the client sent under these names. x-nonce is for our own elements (app/layout.tsx).
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(response, securityHeaders(policy, https));
}

export const config = {
  // Everything but the build's static files (next.config.mjs gives those the headers that apply to them).
  matcher: ["/((?!_next/static/|_next/image|favicon.ico|robots.txt).*)"],
};
