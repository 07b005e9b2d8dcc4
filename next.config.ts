import type { NextConfig } from 'next';
import { ATTACHMENT_CSP, NO_FRAMING_HEADER, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  // These packages load native or WASM assets at run time and must not be bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    'bullmq',
    'ioredis',
    'nodemailer',
  ],
  poweredByHeader: false,
  // Server-action arguments include passwords; never log them.
  logging: { serverFunctions: false },
  typedRoutes: false,
  // Every response; pages also get a per-request Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] },
      // The widget panel (/embed/...) will be framed by the workspace's allowed origins: proxy.ts decides there.
      { source: '/((?!embed).*)', headers: [NO_FRAMING_HEADER] },
      { source: '/api/attachments/:path*', headers: [{ key: 'Content-Security-Policy', value: ATTACHMENT_CSP }] },
    ];
  },
};

export default nextConfig;
