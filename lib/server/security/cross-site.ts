import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import type { Actor } from "@/lib/server/auth/actor";
import { ApiError } from "@/lib/server/errors/api-error";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The hosts a page of this console can be served from: the Host the request arrived with, the one the
 * reverse proxy says the browser used (X-Forwarded-Host), and the declared public URL. None of them can be
 * set by a page on another site: a browser sends the real Host, and a custom header such as X-Forwarded-Host
 * on a cross-site request needs a CORS preflight this console never grants.
 */
function consoleHosts(request: Request, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const add = (value: string | null | undefined) => {
    const host = value?.split(",")[0]?.trim().toLowerCase();
    if (host) hosts.add(host);
  };
  add(request.headers.get("host"));
  add(request.headers.get("x-forwarded-host"));
  add(new URL(request.url).host);
  if (publicUrl) add(URL.parse(publicUrl)?.host);
  return hosts;
}

/**
 * Whether the browser sent this request from a page of another origin. `Origin` decides when present (every
 * current browser sends it on POST, PUT, PATCH and DELETE; `null` comes from sandboxed or privacy-redirected
 * documents and is refused). Without it, `Sec-Fetch-Site` decides: only `same-origin` and `none` (typed by the
 * person) pass; `same-site` is a sibling subdomain, another origin. With neither header the client is not a
 * browser, so it holds no ambient cookie of the person's and cannot be forging their request.
 * Hosts are compared without the scheme, as Next does for Server Actions: a TLS-terminating proxy need not
 * say which scheme the browser used.
 */
export function isCrossSite(request: Request, publicUrl = process.env.NEXTAUTH_URL): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = URL.parse(origin)?.host.toLowerCase();
    return !host || !consoleHosts(request, publicUrl).has(host);
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none";
}

/**
 * The refusal for a state-changing request that rides on the person's session cookie but comes from another
 * site (cross-site request forgery), or null when the request may go on. API tokens are exempt: a browser
 * never attaches one by itself.
 */
export function crossSiteRefusal(request: Request, actor: Actor): ApiError | null {
  if (actor.kind !== "user" || !STATE_CHANGING.has(request.method.toUpperCase())) return null;
  if (!isCrossSite(request)) return null;
  return new ApiError(
    403,
    "cross_site_request",
    text`Refused a change sent from another site. Make changes from the console's own pages, and use an API token for scripts. If you reach the console through a reverse proxy, have it pass the original Host (or X-Forwarded-Host), or set NEXTAUTH_URL to the console's public address.`,
  );
}
