-- The tenant wall on the inbound tables (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('inbound_channels'::regclass);
--> statement-breakpoint
SELECT cairn_enable_tenant_rls('inbound_messages'::regclass);
--> statement-breakpoint
-- The sweep finds workspaces with received mail still waiting (its job lost) before any workspace is chosen: ids only.
CREATE OR REPLACE FUNCTION cairn_tenants_with_pending_inbound(p_before timestamptz) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM inbound_messages WHERE status = 'pending' AND received_at <= p_before
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_pending_inbound(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_pending_inbound(timestamptz) TO cairn_app;
