import { asc, eq, sql } from 'drizzle-orm';
import type { RuleAction, SaveRuleInput } from '@/lib/validators/automation';
import { automationRules, macros } from '@/server/db/schema';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { writeOrder } from '@/server/db/write-order';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { assertReferences } from '@/server/services/ticket/references';
import { syncAutoCloseSetting } from './auto-close-rule';
import type { RuleRow } from './rule-records';

const toRule = (row: RuleRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  builtin: row.builtin,
  enabled: row.enabled,
  position: row.position,
  triggers: row.triggers,
  time: row.time,
  conditions: row.conditions,
  actions: row.actions,
  firedCount: row.firedCount,
  lastFiredAt: row.lastFiredAt,
  lastErrors: row.lastErrors,
  updatedAt: row.updatedAt,
});
export type Rule = ReturnType<typeof toRule>;

/** Every rule of the workspace: event rules then time rules, each in the order they run. */
export async function listRules(scope: TenantScope) {
  const rows = await scope.db
    .select()
    .from(automationRules)
    .orderBy(asc(automationRules.kind), asc(automationRules.position), asc(automationRules.createdAt));
  return rows.map(toRule);
}

async function ruleById(scope: TenantScope, ruleId: string) {
  const [row] = await scope.db.select().from(automationRules).where(eq(automationRules.id, ruleId));
  if (!row) throw notFound('The rule');
  return row;
}

export async function getRule(scope: TenantScope, input: { ruleId: string }) {
  return toRule(await ruleById(scope, input.ruleId));
}

/** The agents, teams, categories, ticket types and shared macros the actions name must be this workspace's. */
async function assertActionReferences(scope: TenantScope, actions: RuleAction[]) {
  for (const [index, action] of actions.entries()) {
    try {
      if (action.type === 'assign_agent') await assertReferences(scope, { assigneeId: action.userId });
      if (action.type === 'assign_team') await assertReferences(scope, { teamId: action.teamId });
      if (action.type === 'set_category') await assertReferences(scope, { categoryId: action.categoryId });
      if (action.type === 'set_type') await assertReferences(scope, { type: action.ticketType });
      if (action.type === 'notify' && action.teamId) await assertReferences(scope, { teamId: action.teamId });
      if (action.type === 'apply_macro') {
        const [macro] = await scope.db
          .select({ ownerUserId: macros.ownerUserId })
          .from(macros)
          .where(eq(macros.id, action.macroId));
        if (!macro) throw notFound('The macro');
        if (macro.ownerUserId)
          throw new AppError('BAD_REQUEST', 'A rule can apply shared macros only. Share the macro first.');
      }
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.code, `Action ${index + 1}: ${error.message}`, { field: `actions.${index}` });
      throw error;
    }
  }
}

/**
 * Creates a rule (last in its kind's order) or updates one. A built-in rule keeps its kind; the built-in
 * auto-close rule's hours are written back to the ticket setting it came from.
 */
export async function saveRule(scope: TenantScope, input: SaveRuleInput) {
  await assertActionReferences(scope, input.actions);
  const fields = {
    name: input.name,
    kind: input.kind,
    enabled: input.enabled,
    triggers: input.kind === 'event' ? input.triggers : [],
    time: input.kind === 'time' ? input.time : null,
    conditions: input.conditions,
    actions: input.actions,
    updatedAt: new Date(),
  };
  const ruleId = input.ruleId;
  const nameTaken = () =>
    new AppError('CONFLICT', `A rule called "${input.name}" already exists. Choose another name.`, { field: 'name' });
  return withUniqueViolationAs(
    nameTaken,
    async () => {
      if (!ruleId) {
        const row = await insertInWorkspace(scope, automationRules, {
          ...fields,
          position: sql`(select coalesce(max(position) + 1, 0) from automation_rules where kind = ${input.kind})`,
        });
        return toRule(row);
      }
      const existing = await ruleById(scope, ruleId);
      if (existing.builtin && existing.kind !== input.kind)
        throw new AppError('BAD_REQUEST', 'A built-in rule keeps its kind. Create a new rule instead.', {
          field: 'kind',
        });
      const [row] = await scope.db
        .update(automationRules)
        .set(fields)
        .where(eq(automationRules.id, existing.id))
        .returning();
      if (row!.builtin === 'auto_close') await syncAutoCloseSetting(scope, row!);
      return toRule(row!);
    },
    'automation_rules_tenant_name_key',
  );
}

export async function setRuleEnabled(scope: TenantScope, input: { ruleId: string; enabled: boolean }) {
  const existing = await ruleById(scope, input.ruleId);
  const [row] = await scope.db
    .update(automationRules)
    .set({ enabled: input.enabled, updatedAt: new Date() })
    .where(eq(automationRules.id, existing.id))
    .returning();
  return toRule(row!);
}

/** Built-in rules are switched off, not deleted: the setting they stand for would come back empty. */
export async function deleteRule(scope: TenantScope, input: { ruleId: string }) {
  const existing = await ruleById(scope, input.ruleId);
  if (existing.builtin) throw new AppError('BAD_REQUEST', 'A built-in rule cannot be deleted. Switch it off instead.');
  await scope.db.delete(automationRules).where(eq(automationRules.id, existing.id));
  return { id: existing.id };
}

/** The new order of one kind's rules: every rule of that kind, once. */
export async function reorderRules(scope: TenantScope, input: { ruleIds: string[] }) {
  const first = await ruleById(scope, input.ruleIds[0]!);
  await writeOrder(
    scope,
    automationRules,
    input.ruleIds,
    { one: 'A rule', every: `${first.kind} rule` },
    eq(automationRules.kind, first.kind),
  );
  return listRules(scope);
}
