import { sql } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { refreshTicketsFacts, type CsatInput } from './refresh-ticket-facts';
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
 * The rollup consumer's work for a batch of events: those whose id was applied before are skipped, and the
 * tickets of the others have their facts brought to their current state once each (plus the survey state
 * their CSAT events carry), in a few statements for the whole batch.
 */
export async function applyAnalyticsEvents(scope: TenantScope, events: readonly AnalyticsEvent[]) {
  if (!events.length) return { applied: 0 };
  const { rows } = await scope.db.execute<{ event_id: string }>(sql`
    insert into analytics_applied_events (tenant_id, event_id)
    select ${scope.tenantId}, event_id from unnest(${sql.param(events.map((e) => e.id))}::uuid[]) as event_id
    on conflict (event_id) do nothing returning event_id`);
  const applied = new Set(rows.map((r) => r.event_id));
  const fresh = events.filter((event) => applied.has(event.id));
  if (!fresh.length) return { applied: 0 };
  await refreshTicketsFacts(
    scope,
    fresh.map((event) => ({ ticketId: event.data.ticketId, csat: csatInputsOf(event) })),
    await workspaceTimeZone(scope),
  );
  return { applied: fresh.length };
}

/** One event's share of applyAnalyticsEvents. */
export async function applyAnalyticsEvent(scope: TenantScope, event: AnalyticsEvent) {
  const { applied } = await applyAnalyticsEvents(scope, [event]);
  return { applied: applied > 0 };
}
