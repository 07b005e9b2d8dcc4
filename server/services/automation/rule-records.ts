import { and, asc, eq, sql } from 'drizzle-orm';
import type { RuleKind } from '@/lib/constants/automation';
import { RULE_ERRORS_KEPT } from '@/lib/constants/automation';
import { automationRuleFirings, automationRules, type RuleError } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type RuleRow = typeof automationRules.$inferSelect;

/** The enabled rules of a kind in the admin's order (an event's rules: those whose triggers name it). */
export function enabledRules(scope: TenantScope, kind: RuleKind) {
  return scope.db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.kind, kind), eq(automationRules.enabled, true)))
    .orderBy(asc(automationRules.position), asc(automationRules.createdAt));
}

/**
 * Records that a rule acted on a ticket in a period, once: false when it already had (a redelivered event,
 * a second sweep), and then the caller does nothing.
 */
export async function claimFiring(scope: TenantScope, ruleId: string, ticketId: string, periodKey: string) {
  const rows = await scope.db
    .insert(automationRuleFirings)
    .values({ tenantId: scope.tenantId, ruleId, ticketId, periodKey })
    .onConflictDoNothing()
    .returning({ id: automationRuleFirings.id });
  return rows.length > 0;
}

export async function countFiring(scope: TenantScope, ruleId: string, at: Date) {
  await scope.db
    .update(automationRules)
    .set({ firedCount: sql`${automationRules.firedCount} + 1`, lastFiredAt: at })
    .where(eq(automationRules.id, ruleId));
}

/** Keeps the newest errors on the rule for its page; written outside the failed work's savepoint. */
export async function recordRuleError(scope: TenantScope, ruleId: string, ticketId: string | null, error: unknown) {
  const entry: RuleError = {
    at: new Date().toISOString(),
    ticketId,
    message: (error instanceof Error ? error.message : String(error)).slice(0, 500),
  };
  await scope.db
    .update(automationRules)
    .set({
      lastErrors: sql`jsonb_path_query_array(${JSON.stringify([entry])}::jsonb || ${automationRules.lastErrors}, ${`$[0 to ${RULE_ERRORS_KEPT - 1}]`}::jsonpath)`,
    })
    .where(eq(automationRules.id, ruleId));
}
