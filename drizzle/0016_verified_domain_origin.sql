-- Custom SQL migration file, put your code below! --
-- The cross-site request check (server/auth/request-origin.ts) accepts a custom domain as an Origin only
-- once its owner proved it: a verified row. Security definer, like cairn_workspace_by_domain, because the
-- check runs before any tenant is known; it answers yes or no and reveals nothing else.
CREATE OR REPLACE FUNCTION cairn_domain_is_verified(p_domain text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM workspace_domains WHERE domain = lower(p_domain) AND verified_at IS NOT NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_domain_is_verified(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_domain_is_verified(text) TO cairn_app;
