import { and, eq, sql } from 'drizzle-orm';
import { automationRules } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings, updateTicketSettings } from '@/server/services/ticket/settings';
import type { RuleRow } from './rule-records';

/**
 * The auto-close setting (days) and the built-in "Close solved tickets" rule (hours since solved) are one
 * thing shown in two places: changing either writes the other, so the ticket settings page and the rules
 * page never disagree. The rule is what runs.
 */
export async function syncAutoCloseSetting(scope: TenantScope, rule: RuleRow) {
  if (rule.time?.since !== 'solved') return;
  const days = Math.min(90, Math.max(1, Math.round(rule.time.hours / 24)));
  const settings = await getTicketSettings(scope);
  if (settings.autoCloseAfterDays !== days)
    await updateTicketSettings(scope, { ...settings, autoCloseAfterDays: days });
}

export async function syncAutoCloseRule(scope: TenantScope, days: number) {
  await scope.db
    .update(automationRules)
    .set({
      time: sql`jsonb_set(coalesce(${automationRules.time}, '{"since":"solved"}'::jsonb), '{hours}', to_jsonb(${days * 24}::int))`,
    })
    .where(and(eq(automationRules.builtin, 'auto_close'), sql`${automationRules.time}->>'since' = 'solved'`));
}
