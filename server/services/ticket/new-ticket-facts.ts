import { sql } from 'drizzle-orm';
import type { TicketSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { FieldRule } from './custom-fields';
import { DEFAULT_TICKET_SETTINGS } from './settings';

export type NewTicketFacts = {
  settings: TicketSettings;
  /** The workspace's SLA setup version, for the cached setup (slaConfigAtVersion). */
  slaConfigVersion: number;
  /** The requester's organization: SLA policies can be chosen by it. */
  organizationId: string | null;
  /** The workspace's active custom fields, which the create's values are checked against. */
  fields: FieldRule[];
};

/**
 * What a new ticket needs from the workspace and its requester, in one statement: its number format, the
 * SLA setup version, the requester's organization and the active custom fields. With these the create checks
 * its values, computes the ticket's clocks itself and writes everything in one statement (commitNewTicket),
 * instead of reading the row back.
 */
export async function loadNewTicketFacts(scope: TenantScope, requesterId: string): Promise<NewTicketFacts> {
  const { rows } = await scope.db.execute<{
    settings: { tickets?: Partial<TicketSettings> } | null;
    sla_config_version: string | number | null;
    organization_id: string | null;
    fields: FieldRule[] | null;
  }>(sql`
    select t.settings, t.sla_config_version,
      (select c.organization_id from customers c where c.id = ${requesterId} and c.tenant_id = t.id) as organization_id,
      (select json_agg(json_build_object(
          'key', f.key, 'label', f.label, 'type', f.type, 'options', f.options, 'required', f.required
        ) order by f.position, f.id)
        from ticket_fields f where f.tenant_id = t.id and f.archived_at is null) as fields
    from tenants t where t.id = ${scope.tenantId}`);
  const row = rows[0];
  return {
    settings: { ...DEFAULT_TICKET_SETTINGS, ...row?.settings?.tickets },
    slaConfigVersion: Number(row?.sla_config_version ?? 0),
    organizationId: row?.organization_id ?? null,
    fields: row?.fields ?? [],
  };
}
