-- The second tenant wall (STYLE §2): the app and worker run as cairn_app, which owns nothing and cannot
-- bypass RLS; every tenant table filters on app.tenant_id. No setting means no rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cairn_app') THEN
    CREATE ROLE cairn_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO cairn_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cairn_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO cairn_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cairn_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO cairn_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_current_user() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- Later migrations call this for each new tenant table so no table is left without its wall.
CREATE OR REPLACE FUNCTION cairn_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (tenant_id = cairn_current_tenant()) WITH CHECK (tenant_id = cairn_current_tenant())',
    tbl);
END $$;
--> statement-breakpoint
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'workspace_domains', 'memberships', 'invitations', 'teams', 'team_members',
  'organizations', 'customers', 'customer_login_tokens', 'outbox'
]) AS t;
--> statement-breakpoint
-- A person lists the workspaces they belong to before any workspace is chosen.
CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = cairn_current_user());
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_self ON tenants USING (id = cairn_current_tenant()) WITH CHECK (id = cairn_current_tenant());
--> statement-breakpoint
CREATE POLICY tenant_of_member ON tenants FOR SELECT USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = tenants.id AND m.user_id = cairn_current_user())
);
--> statement-breakpoint
-- Public entry points resolve a workspace before its id is known. They return only public fields.
CREATE OR REPLACE FUNCTION cairn_workspace_by_slug(p_slug text)
  RETURNS TABLE (id uuid, slug text, name text, branding jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, t.name, t.branding FROM tenants t WHERE t.slug = lower(p_slug)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_workspace_by_domain(p_domain text)
  RETURNS TABLE (id uuid, slug text, name text, branding jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, t.name, t.branding FROM workspace_domains d JOIN tenants t ON t.id = d.tenant_id
  WHERE d.domain = lower(p_domain)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_slug_taken(p_slug text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM tenants WHERE slug = lower(p_slug))
$$;
--> statement-breakpoint
-- An invitation link carries only its token; this finds which workspace it belongs to.
CREATE OR REPLACE FUNCTION cairn_invitation_tenant(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash
$$;
--> statement-breakpoint
-- The sweep finds which workspaces have pending work without reading their rows.
CREATE OR REPLACE FUNCTION cairn_tenants_with_pending_outbox() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM outbox WHERE status = 'pending' AND available_at <= now()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_workspace_by_slug(text), cairn_workspace_by_domain(text), cairn_slug_taken(text),
  cairn_invitation_tenant(text), cairn_tenants_with_pending_outbox() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_workspace_by_slug(text), cairn_workspace_by_domain(text), cairn_slug_taken(text),
  cairn_invitation_tenant(text), cairn_tenants_with_pending_outbox() TO cairn_app;
