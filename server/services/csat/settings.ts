import { eq } from 'drizzle-orm';
import { CSAT_LINK_DAYS, type CsatQuestion, type CsatScale } from '@/lib/constants/csat';
import type { UpdateCsatSettingsInput } from '@/lib/validators/csat';
import { csatSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type CsatSettings = { enabled: boolean; scale: CsatScale; questions: CsatQuestion[]; linkDays: number };

/** A workspace that never saved the page asks on the 1–5 scale with no follow-ups: surveys are on by default. */
export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  enabled: true,
  scale: 'five',
  questions: [],
  linkDays: CSAT_LINK_DAYS.default,
};

export async function getCsatSettings(scope: TenantScope): Promise<CsatSettings> {
  const [row] = await scope.db
    .select({
      enabled: csatSettings.enabled,
      scale: csatSettings.scale,
      questions: csatSettings.questions,
      linkDays: csatSettings.linkDays,
    })
    .from(csatSettings)
    .where(eq(csatSettings.tenantId, scope.tenantId));
  return row ?? DEFAULT_CSAT_SETTINGS;
}

/** Applies to surveys sent from now on: a survey keeps the scale and questions its customer was asked. */
export async function updateCsatSettings(scope: TenantScope, input: UpdateCsatSettingsInput): Promise<CsatSettings> {
  const values = { ...input, updatedAt: new Date() };
  await scope.db
    .insert(csatSettings)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: csatSettings.tenantId, set: values });
  return getCsatSettings(scope);
}
