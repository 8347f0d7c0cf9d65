import "server-only";
import { randomBytes } from "node:crypto";

/**
 * Headers every response carries, static files included: next.config.mjs repeats them for the paths the proxy
 * does not run on (a unit test keeps the two lists equal).
 * - Referrer-Policy: not `no-referrer`, because under that policy browsers send `Origin: null` on every POST,
 *   which would defeat the cross-site check (lib/server/security/cross-site.ts).
 * - X-Frame-Options: for browsers that predate CSP `frame-ancestors`.
 * - Permissions-Policy: the console uses none of these; only features every Chromium knows are listed, so the
 *   browser logs no "unrecognized feature" errors.
 */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years; sent only on HTTPS responses (browsers ignore it over plain HTTP anyway). */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** JSON, CSV and redirects render nothing, so they may load nothing and be framed by no one. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * sha256 of the stylesheet the toast library (sonner 2.0.8) inserts as a `<style>` element when it loads; it
 * cannot be given a nonce. security-headers.test.ts recomputes it from the installed package, so an upgrade
 * that changes the stylesheet fails the tests instead of silently unstyling the toasts.
 */
export const TOASTER_STYLE_HASH = "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=";

/** The toast library appends its `<style>` empty and fills it after, so the browser checks it twice. */
export const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/** The request header through which the proxy hands the page's nonce to the root layout. */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, fresh for every page response: an attacker must guess it to run a script. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and the dev overlay injects styles. */
  dev: boolean;
  https: boolean;
}

/**
 * The Content-Security-Policy of an HTML page. Scripts run only with the nonce (Next puts it on its own
 * scripts by reading this header from the request) or when loaded by such a script ('strict-dynamic'); no
 * inline or eval'd script in production.
 */
export function pagePolicy({ nonce, dev, https }: PagePolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // <style> elements: Next's and ours carry the nonce, the toaster's is allowed by its hash. In dev the
    // overlay injects unnonced styles, and a nonce in the list would make 'unsafe-inline' ignored.
    [
      "style-src",
      "'self'",
      ...(dev
        ? ["'unsafe-inline'"]
        : [`'nonce-${nonce}'`, `'${TOASTER_STYLE_HASH}'`, `'${EMPTY_STYLE_HASH}'`]),
    ],
    // style="" attributes cannot carry a nonce, and React renders computed sizes through them (chart bars,
    // print card heights); server-rendered ones are parsed from the HTML and would be dropped. An attribute
    // cannot run script, and url() in it is still held to img-src and font-src.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The security headers of one response; `policy` is pagePolicy(...) for pages, API_POLICY otherwise. */
export function securityHeaders(policy: string, https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": policy,
    ...BASELINE_HEADERS,
    ...(https && { "Strict-Transport-Security": HSTS_VALUE }),
  };
}
