import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateWidgetSettingsInput } from '@/lib/validators/widget';
import { widgetSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { forgetWidgetOrigins } from './allowed-origins';

export type WidgetSettingsRow = typeof widgetSettings.$inferSelect;

/** What a workspace without a row runs with: on no origin, every part on, no secret. */
const DEFAULTS = {
  allowedOrigins: [] as string[],
  position: 'bottom-right' as const,
  color: '#4f46e5',
  greeting: 'Hi! How can we help?',
  articlesEnabled: true,
  contactFormEnabled: true,
  conversationsEnabled: true,
  requireVerifiedIdentity: true,
  secret: null,
  previousSecret: null,
  secretRotatedAt: null,
};
export type WidgetSettings = Omit<WidgetSettingsRow, 'id' | 'tenantId' | 'updatedAt'>;

/** The settings with their secrets: for verifying identities on the server only, never for a response. */
export async function readWidgetSettings(scope: TenantScope): Promise<WidgetSettings> {
  const [row] = await scope.db.select().from(widgetSettings).where(eq(widgetSettings.tenantId, scope.tenantId));
  return row ?? DEFAULTS;
}

/** The admin page's view: the secrets themselves are never read back, only whether they exist. */
export async function getWidgetSettings(scope: StaffScope) {
  const { secret, previousSecret, ...settings } = await readWidgetSettings(scope);
  return { ...settings, hasSecret: Boolean(secret), rotating: Boolean(previousSecret) };
}

export async function updateWidgetSettings(scope: StaffScope, input: z.output<typeof updateWidgetSettingsInput>) {
  const values = { ...input, allowedOrigins: [...new Set(input.allowedOrigins)], updatedAt: new Date() };
  await scope.db
    .insert(widgetSettings)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: widgetSettings.tenantId, set: values });
  scope.afterCommit(async () => forgetWidgetOrigins(scope.tenantId));
  return getWidgetSettings(scope);
}

/**
 * A new signing secret. The one it replaces stays valid until the admin ends the rotation, so hosts can
 * deploy the new one without signing anyone out; a secret older than that is dropped now. Shown only here.
 */
export async function rotateWidgetSecret(scope: StaffScope) {
  const secret = `cws_${randomBytes(32).toString('base64url')}`;
  const current = await readWidgetSettings(scope);
  const values = { secret, previousSecret: current.secret, secretRotatedAt: new Date(), updatedAt: new Date() };
  await scope.db
    .insert(widgetSettings)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: widgetSettings.tenantId, set: values });
  return { secret, rotating: Boolean(current.secret) };
}

/** Ends a rotation: from now on only the newest secret verifies identities. */
export async function endWidgetSecretRotation(scope: StaffScope) {
  const current = await readWidgetSettings(scope);
  if (!current.previousSecret) throw new AppError('BAD_REQUEST', 'No rotation is in progress.');
  await scope.db
    .update(widgetSettings)
    .set({ previousSecret: null, updatedAt: new Date() })
    .where(eq(widgetSettings.tenantId, scope.tenantId));
  return { rotating: false };
}
