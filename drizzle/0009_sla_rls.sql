-- The tenant wall on every SLA table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'business_calendars', 'sla_policies', 'sla_escalations', 'ticket_sla_targets', 'sla_escalation_runs'
]) AS t;
--> statement-breakpoint
-- The SLA sweep visits only workspaces with a clock whose next check (warning, breach, escalation) has
-- passed, without reading their rows: it returns ids, nothing else.
CREATE OR REPLACE FUNCTION cairn_tenants_with_due_sla(p_before timestamptz) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM ticket_sla_targets WHERE next_check_at IS NOT NULL AND next_check_at <= p_before
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_due_sla(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_due_sla(timestamptz) TO cairn_app;
