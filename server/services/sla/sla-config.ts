import { asc, eq } from 'drizzle-orm';
import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar } from '@/lib/business-hours';
import { DEFAULT_SLA_TARGETS, DEFAULT_SLA_WARN_PERCENT } from '@/lib/constants/sla';
import type { TicketPriority } from '@/lib/constants/ticket';
import { matchPolicy, type MetricMinutes, type SlaTicketFacts } from '@/lib/sla';
import { businessCalendars, slaEscalations, slaPolicies, tenants, type SlaPolicyTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type SlaEscalationRow = typeof slaEscalations.$inferSelect;
export type CalendarRow = typeof businessCalendars.$inferSelect;

/**
 * A workspace's SLA setup, read once per recompute or check: a handful of small rows. Shared between
 * requests by the cache (cached-sla-config.ts): read it, never change it.
 */
export interface SlaConfig {
  /** tenants.sla_config_version when it was read: the cache's key. */
  version: number;
  policies: SlaPolicyRow[];
  escalationsByPolicy: Map<string, SlaEscalationRow[]>;
  calendars: Map<string, CalendarRow>;
  defaultTargets: SlaPolicyTargets;
  defaultWarnAtPercent: number;
}

/** The built-in table, with next response held to the first-response target (Zendesk's default shape). */
export function builtInTargets(): SlaPolicyTargets {
  const table: SlaPolicyTargets = {};
  for (const [priority, t] of Object.entries(DEFAULT_SLA_TARGETS) as Array<
    [TicketPriority, { firstResponse: number; resolution: number }]
  >) {
    table[priority] = { first_response: t.firstResponse, next_response: t.firstResponse, resolution: t.resolution };
  }
  return table;
}

export async function loadSlaConfig(scope: TenantScope): Promise<SlaConfig> {
  // The version is read first: the rows read after it are at least as new, so the setup cached under it is
  // never older than what it names.
  const [tenant] = await scope.db
    .select({ settings: tenants.settings, version: tenants.slaConfigVersion })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  const policies = await scope.db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
  const escalations = await scope.db.select().from(slaEscalations).orderBy(asc(slaEscalations.level));
  const calendars = await scope.db.select().from(businessCalendars);
  const escalationsByPolicy = new Map<string, SlaEscalationRow[]>();
  for (const e of escalations) escalationsByPolicy.set(e.policyId, [...(escalationsByPolicy.get(e.policyId) ?? []), e]);
  const sla = tenant?.settings.sla;
  return {
    version: tenant?.version ?? 0,
    policies,
    escalationsByPolicy,
    calendars: new Map(calendars.map((c) => [c.id, c])),
    defaultTargets: { ...builtInTargets(), ...(sla?.defaultTargets ?? {}) },
    defaultWarnAtPercent: sla?.warnAtPercent ?? DEFAULT_SLA_WARN_PERCENT,
  };
}

export function toBusinessCalendar(row: CalendarRow | undefined): BusinessCalendar {
  if (!row) return ALWAYS_OPEN_CALENDAR;
  return { name: row.name, timeZone: row.timeZone, weekly: row.weekly, holidays: row.holidays };
}

/** Which policy, calendar and targets apply to a ticket: the first matching policy, else the workspace defaults. */
export function resolveSla(config: SlaConfig, facts: SlaTicketFacts) {
  const policy = matchPolicy(config.policies, facts);
  const calendarRow = policy?.calendarId ? config.calendars.get(policy.calendarId) : undefined;
  const minutes: MetricMinutes = (policy ? policy.targets : config.defaultTargets)[facts.priority] ?? {};
  return {
    policy,
    calendarRow: calendarRow ?? null,
    calendar: toBusinessCalendar(calendarRow),
    minutes,
    warnAtPercent: policy?.warnAtPercent ?? config.defaultWarnAtPercent,
    escalations: policy ? (config.escalationsByPolicy.get(policy.id) ?? []) : [],
  };
}
