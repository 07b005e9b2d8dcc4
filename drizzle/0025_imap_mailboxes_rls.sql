-- The tenant wall on the mailbox table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('imap_mailboxes'::regclass);
--> statement-breakpoint
-- The poll sweep visits only workspaces that configured a mailbox: ids only.
CREATE OR REPLACE FUNCTION cairn_tenants_with_imap_mailbox() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT tenant_id FROM imap_mailboxes
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_imap_mailbox() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_imap_mailbox() TO cairn_app;
