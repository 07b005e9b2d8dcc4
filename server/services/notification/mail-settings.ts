import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { env } from '@/lib/env';
import type { updateMailSettingsInput } from '@/lib/validators/notification';
import { mailSettings } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { defaultFromAddress, workspaceSender } from './sender';

/** The URL as the admin page may show it: user and host, never the password. */
export function maskSmtpUrl(value: string) {
  const url = new URL(value);
  if (url.password) url.password = '****';
  return url.toString();
}

/** What the admin page shows: the stored values, the sender mail actually uses, and no secret. */
export async function getMailSettings(scope: StaffScope) {
  const [row] = await scope.db.select().from(mailSettings).where(eq(mailSettings.tenantId, scope.tenantId));
  const sender = await workspaceSender(scope);
  return {
    fromName: row?.fromName ?? null,
    fromAddress: row?.fromAddress ?? null,
    smtp: row?.smtpUrl ? { own: true as const, url: maskSmtpUrl(row.smtpUrl) } : { own: false as const, url: null },
    effectiveFrom: sender.from,
    defaultFromAddress: defaultFromAddress(),
    /** Without its own server the workspace sends through Cairn's (SMTP_URL) or, unset, into local files. */
    cairnSmtpConfigured: Boolean(env.SMTP_URL),
  };
}

export async function updateMailSettings(scope: StaffScope, input: z.output<typeof updateMailSettingsInput>) {
  const values = {
    fromName: input.fromName || null,
    fromAddress: input.fromAddress || null,
    ...(input.smtpUrl !== undefined ? { smtpUrl: input.smtpUrl || null } : {}),
  };
  await scope.db
    .insert(mailSettings)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: mailSettings.tenantId, set: { ...values, updatedAt: sql`now()` } });
  return getMailSettings(scope);
}
