-- The tenant wall on the privacy tables (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['privacy_requests', 'audit_log']) AS t;
--> statement-breakpoint
-- The audit trail is append-only for the app and worker: what happened cannot be edited away afterwards.
-- (Deleting a workspace still removes its trail: the foreign key's cascade runs as the table owner.)
REVOKE UPDATE, DELETE ON audit_log FROM cairn_app;
--> statement-breakpoint
-- The privacy sweep finds workspaces with requests still to do without reading their rows: ids only.
CREATE OR REPLACE FUNCTION cairn_tenants_with_pending_privacy_requests() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM privacy_requests WHERE status = 'pending'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_pending_privacy_requests() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_pending_privacy_requests() TO cairn_app;
