import type { NextConfig } from 'next';

/**
 * `npm run demo` builds once, to serve at once (src/cli/commands/demo.ts): without the type check
 * (a checkout's types are checked by `npm run typecheck` and CI, not by serving it) and without
 * writing Turbopack's build cache (a one-off build never reads it). Together over a third of a
 * build on two cores. Every other build checks types and keeps its cache.
 */
const demoBuild = process.env.LEADLINE_DEMO_BUILD === '1';

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to its own module; pg has optional
  // native bindings. Both must be required from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  // The e2e tests build into their own folder, so they never serve (or clobber) a developer's build.
  distDir: process.env.LEADLINE_NEXT_DIST_DIR || '.next',
  typescript: { ignoreBuildErrors: demoBuild },
  experimental: { turbopackFileSystemCacheForBuild: !demoBuild },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
