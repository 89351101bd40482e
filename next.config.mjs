/** The most of a request's body the proxy passes on (checked in lib/validations/imports.test.ts). */
export const PROXY_BODY_BYTES = 41 * 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build folder lets the benchmark or a second test run build beside `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Production runs `.next/standalone/server.js` alone (README, "Deploying").
  output: "standalone",
  // PGlite loads its .wasm files from its own package folder: bundled, it cannot find them.
  // (`pg` is on Next's built-in list of external packages.)
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  experimental: {
    // The proxy (proxy.ts) runs on every request, and Next.js hands the route only the first
    // 10 MB of a body then: an import's planned file (POST /api/imports) may be 40 MiB
    // (MAX_IMPORT_BODY_BYTES in lib/validations/imports.ts). 1 MiB more, so the route itself
    // sees a body over its limit and answers 413 naming it, not a cut body's invalid JSON.
    proxyClientMaxBodySize: PROXY_BODY_BYTES,
  },
};

export default nextConfig;
