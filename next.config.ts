import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // These packages load native or WASM assets at run time and must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'bullmq', 'ioredis', 'nodemailer'],
  poweredByHeader: false,
  // Server-action arguments include passwords; never log them.
  logging: { serverFunctions: false },
  typedRoutes: false,
};

export default nextConfig;
