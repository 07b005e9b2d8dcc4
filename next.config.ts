import type { NextConfig } from 'next';
import { env } from './lib/env';

const nextConfig: NextConfig = {
  // These packages load native or WASM assets at run time and must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'bullmq', 'ioredis', 'nodemailer'],
  poweredByHeader: false,
  // Server-action arguments include passwords; never log them.
  logging: { serverFunctions: false },
  typedRoutes: false,
  // The image (Dockerfile) runs Next's standalone server: a traced, minimal node_modules. Only its build
  // asks for it: `next start`, which `npm start` runs, warns on a standalone build.
  ...(env.CAIRN_BUILD_STANDALONE ? { output: 'standalone' as const } : {}),
};

export default nextConfig;
