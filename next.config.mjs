// Security headers for the paths proxy.ts does not run on (the build's static files). The proxy gives pages,
// API answers and redirects the same baseline plus their own Content-Security-Policy and, on HTTPS, HSTS
// (lib/server/security/headers.ts; a unit test keeps BASELINE_HEADERS here equal to it).
const BASELINE_HEADERS = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
const STATIC_SOURCES = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt"];
const asList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 when a page's permission check fails.
    authInterrupts: true,
  },
  async headers() {
    return STATIC_SOURCES.flatMap((source) => [
      {
        source,
        headers: asList({
          ...BASELINE_HEADERS,
          "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
        }),
      },
      // The proxy also trusts an https NEXTAUTH_URL; this file is read at build time, before it is known.
      {
        source,
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: asList({ "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }),
      },
    ]);
  },
};

export default nextConfig;
