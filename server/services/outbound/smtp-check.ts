import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { env } from '@/lib/env';
import type { testMailSettingsInput } from '@/lib/validators/notification';
import { mailSettings } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { beginCheck, currentCheck, presentCheck } from './check-row';

export async function getSmtpCheck(scope: StaffScope) {
  return presentCheck(await currentCheck(scope, 'smtp'));
}

/**
 * "Test connection" for the SMTP server: the typed URL (unsaved, it may hold a password) or the saved one.
 * The worker connects; see beginCheck.
 */
export async function startSmtpCheck(scope: StaffScope, input: z.output<typeof testMailSettingsInput>) {
  const [saved] = await scope.db
    .select({ smtpUrl: mailSettings.smtpUrl })
    .from(mailSettings)
    .where(eq(mailSettings.tenantId, scope.tenantId));
  const url = input.smtpUrl ?? saved?.smtpUrl ?? null;
  return beginCheck(scope, 'smtp', {
    target: input.smtpUrl ?? null,
    targetHost: url ? new URL(url).host : env.SMTP_URL ? "Cairn's mail server" : null,
  });
}
