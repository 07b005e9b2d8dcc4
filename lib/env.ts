import { createEnv } from '@t3-oss/env-nextjs';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { WEB_HEAP_DEFAULT_MIB } from './constants/web-process';

// The only reader of process.env. A bad value stops start-up with the variable's name and what it expects.
const booleanString = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// connection string' });

// Addresses of the reverse proxies in front of the app: only they may say who the client is (X-Forwarded-For).
const trustedProxies = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of entries) {
      if (!ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1,172.16.0.0/12)`,
        });
      }
    }
    return entries;
  });

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_APP_URL: postgresUrl.optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, { message: 'expected a redis:// URL' })
      .optional(),
    AUTH_SECRET: z
      .string()
      .min(32, { message: 'expected at least 32 characters (openssl rand -base64 32)' })
      .optional(),
    APP_URL: z
      .url({ message: 'expected an absolute URL such as http://localhost:3000' })
      .default('http://localhost:3000'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { message: 'expected smtp://user:pass@host:port' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Cairn <support@cairn.localhost>'),
    /**
     * How long a mail server may stay silent mid-session before the send is given up. Silence after the
     * message was handed over means it may have been delivered: the mail is then marked so, never resent.
     * At most 60 s, so a worker's claim on a mail (2 min) always outlives its send.
     */
    SMTP_SOCKET_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(60).default(30),
    CAIRN_DATA_DIR: z.string().min(1).default('./.data'),
    START_WORKER: booleanString.default(true),
    /** The web process's V8 old-generation limit in MiB (scripts/server-entry.ts): its heap stays near it. */
    WEB_HEAP_MIB: z.coerce.number().int().min(96).max(65536).default(WEB_HEAP_DEFAULT_MIB),
    /** Seed the demo workspace (published logins) on an empty database. Unset: yes, except in production. */
    CAIRN_DEMO: booleanString.optional(),
    /** Unset: info, or warn under tests so their output stays readable (server/log.ts). */
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
    /** Set by `npm start` when it serves the embedded database; not for operators. */
    CAIRN_EMBEDDED: booleanString.default(false),
    /** How long a customer data export's download link works before its file is deleted. */
    PRIVACY_EXPORT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    TRUSTED_PROXIES: trustedProxies,
    CAIRN_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Hosts and CIDRs a workspace's own servers (SMTP now; IMAP, webhooks later) may reach although they are
     * private, loopback or otherwise internal: comma-separated, e.g. "mail.corp.internal,10.20.0.0/16".
     * Unset: only public internet addresses. Checked in server/net/outbound-guard.ts.
     */
    OUTBOUND_ALLOWED_HOSTS: z
      .string()
      .regex(/^[\w.:\-/[\]]+(\s*,\s*[\w.:\-/[\]]+)*$/, {
        message: 'expected comma-separated host names, IP addresses or CIDRs such as mail.internal,10.0.0.0/8',
      })
      .optional(),
    /** Bearer token for /api/metrics and the worker's metrics port. Unset: metrics are off (404). */
    METRICS_TOKEN: z.string().min(16, { message: 'expected at least 16 characters (openssl rand -hex 16)' }).optional(),
    /** Port on which `npm run worker` serves its own /metrics (job latencies). Unset: not served. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** File the worker touches while its queues run and the database answers; the container health check reads it. */
    WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
    /** How long `npm run inbound` waits for the worker to process a stored message before answering `queued`. */
    INBOUND_WAIT_SECONDS: z.coerce.number().int().min(0).max(300).default(20),
    /**
     * 32 random bytes, base64: the AES-256-GCM key for stored mailbox (IMAP) passwords. Unset: a workspace cannot
     * save a mailbox. Changing it makes saved passwords unreadable (admins enter them again).
     */
    INBOUND_SECRET_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, {
        message: 'expected 32 bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
  },
  client: {
    NEXT_PUBLIC_POSTHOG_KEY: z.string().optional(),
    NEXT_PUBLIC_POSTHOG_HOST: z.url().optional(),
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_POSTHOG_KEY: process.env.NEXT_PUBLIC_POSTHOG_KEY,
    NEXT_PUBLIC_POSTHOG_HOST: process.env.NEXT_PUBLIC_POSTHOG_HOST,
  },
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map(
      (i) => `  ${i.path?.map((p) => (typeof p === 'object' ? p.key : p)).join('.') ?? '?'}: ${i.message}`,
    );
    const message = `Cairn cannot start: invalid configuration\n${lines.join('\n')}\nFix these in your environment or .env (see .env.example).`;
    console.error(message);
    throw new Error(message);
  },
});
