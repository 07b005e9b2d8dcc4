-- The tenant wall on the outbound check table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('outbound_checks'::regclass);
--> statement-breakpoint
-- Custom domains are served only once verified: a claimed but unproven host name reaches no workspace.
CREATE OR REPLACE FUNCTION cairn_workspace_by_domain(p_domain text)
  RETURNS TABLE (id uuid, slug text, name text, branding jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, t.name, t.branding FROM workspace_domains d JOIN tenants t ON t.id = d.tenant_id
  WHERE d.domain = lower(p_domain) AND d.verified_at IS NOT NULL
$$;
--> statement-breakpoint
-- Adding a host name another workspace has verified is refused up front; says nothing about which one.
CREATE OR REPLACE FUNCTION cairn_domain_verified(p_domain text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM workspace_domains WHERE domain = lower(p_domain) AND verified_at IS NOT NULL)
$$;
--> statement-breakpoint
-- The daily re-check visits verified domains whose last look-up is older than p_before: ids only.
CREATE OR REPLACE FUNCTION cairn_verified_domains_due(p_before timestamptz)
  RETURNS TABLE (tenant_id uuid, domain_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT d.tenant_id, d.id FROM workspace_domains d
  WHERE d.verified_at IS NOT NULL AND (d.checked_at IS NULL OR d.checked_at <= p_before)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_domain_verified(text), cairn_verified_domains_due(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_domain_verified(text), cairn_verified_domains_due(timestamptz) TO cairn_app;
