/**
 * Who did something to a ticket; recorded on messages and in the activity log. A customer acting through
 * a ticket's signed link carries `onlyTicketId`: that session reaches the one ticket only. An automation
 * rule acts as itself: its name goes into the log ("by rule <name>") and `depth` counts how many rules ran
 * before it in the same chain, so rules reacting to rules stop (server/services/automation/loop-guard.ts).
 */
export type TicketActor =
  | { type: 'agent'; userId: string }
  | { type: 'customer'; customerId: string; onlyTicketId?: string | null }
  | { type: 'system' }
  | { type: 'rule'; ruleId: string; ruleName: string; depth: number };

export function actorColumns(actor: TicketActor) {
  return {
    // A rule is the system acting on an admin's instructions: stored as 'system' with the rule's name.
    actorType: actor.type === 'rule' ? ('system' as const) : actor.type,
    actorUserId: actor.type === 'agent' ? actor.userId : null,
    actorCustomerId: actor.type === 'customer' ? actor.customerId : null,
    actorRuleName: actor.type === 'rule' ? actor.ruleName : null,
  };
}
