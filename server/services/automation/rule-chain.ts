/**
 * Where an event sits in a chain of rules: `ruleId` is the rule whose change raised it (none for an
 * agent's, a customer's or the system's), `depth` how many rules acted in a row before it. The committer
 * writes both into the event payload (actorType 'rule', actorId, ruleDepth).
 */
export function ruleChain(data: Record<string, unknown>): { ruleId: string | null; depth: number } {
  const byRule = data.actorType === 'rule' || data.authorType === 'rule';
  if (!byRule) return { ruleId: null, depth: 0 };
  const depth = typeof data.ruleDepth === 'number' && data.ruleDepth > 0 ? data.ruleDepth : 1;
  return { ruleId: typeof data.actorId === 'string' ? data.actorId : null, depth };
}
