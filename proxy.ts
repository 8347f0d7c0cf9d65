import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * An optimistic redirect only: a visitor with no session cookie at all is sent to the login page instead of
 * rendering a page that would redirect anyway. Whether the cookie is valid, and what its holder may do, is
 * decided by each page and route handler (the proxy is not an authorization layer).
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some((cookie) =>
      SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)),
    );
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the login page, the APIs (they answer 401 JSON themselves) and static files.
  matcher: ["/((?!login|api/|_next/|favicon.ico|robots.txt).*)"],
};
