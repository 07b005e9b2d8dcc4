import type { SlaTicketFacts } from './types';

export interface ResponseCycle {
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
}

/**
 * First response: from creation to the first public agent reply. A ticket an agent opened with a public
 * message (on the customer's behalf) has nothing to respond to, so it counts as answered at creation.
 */
export function firstResponseCycle(facts: SlaTicketFacts): ResponseCycle {
  const first = facts.messages[0];
  if (first?.from === 'agent' && first.at.getTime() <= facts.createdAt.getTime())
    return { startedAt: facts.createdAt, answeredAt: facts.createdAt };
  const reply = facts.messages.find((m) => m.from === 'agent');
  return { startedAt: facts.createdAt, answeredAt: reply?.at ?? null };
}

/**
 * Next response: after the first response, each customer message that follows an agent reply starts a new
 * wait, answered by the next public agent reply. Only the latest wait has a running clock; null when the
 * customer has not written since the first response.
 */
export function latestNextResponseCycle(facts: SlaTicketFacts): ResponseCycle | null {
  const first = firstResponseCycle(facts);
  if (!first.answeredAt) return null;
  const answered = first.answeredAt.getTime();
  let cycle: { startedAt: Date; answeredAt: Date | null } | null = null;
  for (const message of facts.messages) {
    if (message.at.getTime() <= answered) continue;
    if (message.from === 'customer' && (!cycle || cycle.answeredAt))
      cycle = { startedAt: message.at, answeredAt: null };
    else if (message.from === 'agent' && cycle && !cycle.answeredAt) cycle.answeredAt = message.at;
  }
  return cycle;
}

const RESOLVED: ReadonlySet<string> = new Set(['solved', 'closed', 'merged']);

/**
 * Resolution is met when the ticket entered the run of solved/closed/merged statuses it is still in:
 * solved then closed counts from the solve; a reopened ticket is unresolved again.
 */
export function resolvedAt(facts: SlaTicketFacts): Date | null {
  if (!RESOLVED.has(facts.status)) return null;
  let at: Date | null = null;
  for (let i = facts.statusChanges.length - 1; i >= 0; i -= 1) {
    const change = facts.statusChanges[i]!;
    if (!RESOLVED.has(change.to)) break;
    at = change.at;
  }
  return at ?? facts.createdAt;
}
