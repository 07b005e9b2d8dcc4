import { sql } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { refreshTicketFacts, type CsatInput } from './refresh-ticket-facts';
import { workspaceTimeZone } from './workspace-time-zone';

type AnalyticsEvent = DomainEvent & { id: string; occurredAt: Date };

/** The survey state a CSAT event carries (contract with the CSAT capability: lib/constants/outbox.ts). */
export function csatInputsOf(event: Pick<AnalyticsEvent, 'type' | 'data' | 'occurredAt'>): CsatInput[] {
  if (event.type === 'csat.requested') return [{ kind: 'requested', at: event.occurredAt }];
  if (event.type !== 'csat.received') return [];
  const rating = Number(event.data.rating);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return [];
  const scale = event.data.scale;
  // `scale` names the survey's answers: a number is its top rating; anything else that is not 1–5 is good/bad.
  const top = typeof scale === 'number' ? scale : /5/.test(String(scale ?? '5')) ? 5 : 2;
  return [{ kind: 'received', at: event.occurredAt, rating, scale: top }];
}

/**
 * The rollup consumer's work for one event: skipped when its id was applied before, otherwise the ticket's
 * facts are brought to its current state (plus the survey state a CSAT event carries).
 */
export async function applyAnalyticsEvent(scope: TenantScope, event: AnalyticsEvent) {
  const { rows } = await scope.db.execute(sql`
    insert into analytics_applied_events (tenant_id, event_id) values (${scope.tenantId}, ${event.id})
    on conflict (event_id) do nothing returning id`);
  if (!rows.length) return { applied: false };
  await refreshTicketFacts(scope, event.data.ticketId, await workspaceTimeZone(scope), csatInputsOf(event));
  return { applied: true };
}
