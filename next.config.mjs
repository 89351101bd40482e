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
};

export default nextConfig;
