/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 when a page's permission check fails.
    authInterrupts: true,
  },
};

export default nextConfig;
