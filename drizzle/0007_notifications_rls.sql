-- The tenant wall on every notification table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'notification_preferences', 'mail_settings', 'ticket_mail_threads', 'ticket_mails'
]) AS t;
--> statement-breakpoint
-- The sweep also visits workspaces with a claim whose lease ran out (a worker died mid-send), to mark it
-- failed. Compared as text: the enum value `sending` was added in this deploy's transaction.
CREATE OR REPLACE FUNCTION cairn_tenants_with_expired_outbox_claims(p_claimed_before timestamptz) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM outbox WHERE claimed_at < p_claimed_before AND status::text = 'sending'
$$;
--> statement-breakpoint
-- The inbound channel receives a reply addressed to a per-ticket token before it knows the workspace.
-- Returns only the two ids; the token itself is 160 random bits.
CREATE OR REPLACE FUNCTION cairn_ticket_by_reply_token(p_token text) RETURNS TABLE (tenant_id uuid, ticket_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.tenant_id, t.ticket_id FROM ticket_mail_threads t WHERE t.reply_token = lower(p_token)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_expired_outbox_claims(timestamptz), cairn_ticket_by_reply_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_expired_outbox_claims(timestamptz), cairn_ticket_by_reply_token(text) TO cairn_app;
