import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads relative to its own module; pg has optional
  // native bindings. Both must be required from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  // The e2e tests build into their own folder, so they never serve (or clobber) a developer's build.
  distDir: process.env.LEADLINE_NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
