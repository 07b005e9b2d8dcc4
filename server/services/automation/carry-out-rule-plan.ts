import { and, eq, isNull } from 'drizzle-orm';
import type { RulePlan } from '@/lib/automation';
import { renderMacroTemplate } from '@/lib/utils/macro-template';
import { macros } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import { assignByPolicy } from '@/server/services/assignment/assign-by-policy';
import type { TicketActor } from '@/server/services/ticket/actor';
import { addMessage } from '@/server/services/ticket/add-message';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { macroChangesFor } from '@/server/services/ticket/macros';
import type { TicketChanges } from '@/server/services/ticket/plan-ticket-change';
import { assertReferences } from '@/server/services/ticket/references';
import { notifyRuleRecipients } from './notify-rule-recipients';
import { rulePlaceholderValues } from './rule-placeholders';

export type RuleActor = Extract<TicketActor, { type: 'rule' }>;

const context = (actor: RuleActor, action: string) => ({
  actor,
  channel: 'system' as const,
  action,
  reason: `Rule "${actor.ruleName}"`,
});

/**
 * Carries out what a rule's plan says on one ticket, through the same use cases an agent's changes take:
 * fields through commitTicketChange, notes and replies through addMessage (a reply is mailed to the
 * requester by the notification consumer, threaded like an agent's), macros with their own field changes
 * and text, "assign by assignment policy" through the team's policy (assignByPolicy). Every step is recorded
 * as the rule's, so the log reads "by rule <name>" (the policy's entry names the rule that asked).
 */
export async function carryOutRulePlan(scope: TenantScope, ticketId: string, plan: RulePlan, actor: RuleActor) {
  let ticket = await loadTicketForUpdate(scope, ticketId);
  if (Object.keys(plan.changes).length) {
    // Checked when the rule was saved, but an agent, team, category or type may have gone since.
    await assertReferences(scope, plan.changes);
    ({ ticket } = await commitTicketChange(
      scope,
      ticket,
      plan.changes as TicketChanges,
      context(actor, 'rule_applied'),
    ));
  }
  for (const macroId of plan.macroIds) {
    // Rules apply shared macros only: a personal one belongs to one agent's reply box.
    const [macro] = await scope.db
      .select()
      .from(macros)
      .where(and(eq(macros.id, macroId), isNull(macros.ownerUserId)));
    if (!macro) throw notFound('The shared macro');
    const changes = macroChangesFor(macro.actions, ticket);
    await assertReferences(scope, changes);
    ({ ticket } = await commitTicketChange(scope, ticket, changes, {
      ...context(actor, 'macro_applied'),
      reason: `Macro "${macro.name}" by rule "${actor.ruleName}"`,
    }));
    if (macro.body.trim()) {
      const body = renderMacroTemplate(macro.body, await rulePlaceholderValues(scope, ticket));
      await addMessage(scope, ticket, actor, { kind: macro.kind === 'note' ? 'note' : 'reply', body });
      ticket = await loadTicketForUpdate(scope, ticketId);
    }
  }
  if (plan.assignByPolicy) {
    // After the field changes: a rule that moves the ticket to a team and assigns by policy uses that team's.
    await assignByPolicy(scope, ticketId, { requestedBy: `rule "${actor.ruleName}"` });
    ticket = await loadTicketForUpdate(scope, ticketId);
  }
  const messages = [
    ...plan.notes.map((body) => ({ kind: 'note' as const, body })),
    ...plan.replies.map((body) => ({ kind: 'reply' as const, body })),
  ];
  for (const message of messages) {
    const body = renderMacroTemplate(message.body, await rulePlaceholderValues(scope, ticket));
    await addMessage(scope, ticket, actor, { kind: message.kind, body });
    ticket = await loadTicketForUpdate(scope, ticketId);
  }
  for (const notice of plan.notifications)
    await notifyRuleRecipients(scope, ticket, { ...notice, ruleName: actor.ruleName });
  return ticket;
}
