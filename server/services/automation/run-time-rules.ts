import { matchesConditions } from '@/lib/automation';
import type { TenantScope } from '@/server/db/tenant';
import { inBusinessHours } from './business-hours-now';
import { fireRule } from './fire-rule';
import { enabledRules } from './rule-records';
import { TIME_RULE_PAGE, timeRuleCandidates } from './time-rule-candidates';

/** A sweep reads at most this many candidates per rule; the rest wait for the next minute. */
const MAX_CANDIDATES_PER_RULE = 5_000;

/**
 * The workspace's time rules, in the admin's order, at `now`. Each acts once per ticket per matching
 * period: the firing row commits with the change, so another sweep (a second worker, a restart, a retry)
 * finds it and does nothing. Returns how many times rules acted.
 */
export async function runTimeRules(scope: TenantScope, now = new Date()) {
  const rules = await enabledRules(scope, 'time');
  if (!rules.length) return { acted: 0 };
  const moment = { inBusinessHours: await inBusinessHours(scope, now) };
  let acted = 0;
  for (const rule of rules) {
    if (!rule.time) continue;
    let after: { at: Date; id: string } | null = null;
    for (let read = 0; read < MAX_CANDIDATES_PER_RULE;) {
      const page = await timeRuleCandidates(scope, { ...rule, time: rule.time }, now, after);
      read += page.length;
      for (const { periodKey, measuredAt: _measuredAt, ...ticket } of page) {
        // A first test on the page's snapshot skips the lock for tickets that plainly do not match.
        if (!matchesConditions(rule.conditions, ticket, null, moment)) continue;
        if (await fireRule(scope, rule, ticket.id, { periodKey, event: null, moment, depth: 1, at: now })) acted += 1;
      }
      if (page.length < TIME_RULE_PAGE) break;
      const last = page[page.length - 1]!;
      after = { at: last.measuredAt, id: last.id };
    }
  }
  return { acted };
}
