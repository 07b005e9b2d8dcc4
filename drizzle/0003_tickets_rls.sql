-- The tenant wall on every ticketing table (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'ticket_counters', 'ticket_categories', 'ticket_fields', 'tickets', 'ticket_messages',
  'ticket_activities', 'attachments', 'saved_views', 'macros'
]) AS t;
--> statement-breakpoint
-- Workspaces that existed before tickets get the portal's default categories.
INSERT INTO ticket_categories (tenant_id, name, color, icon, position)
SELECT t.id, c.name, c.color, c.icon, c.position
FROM tenants t CROSS JOIN (VALUES
  ('General question', '#0ea5e9', 'help-circle', 0),
  ('Technical issue', '#f97316', 'wrench', 1),
  ('Billing question', '#22c55e', 'credit-card', 2),
  ('Feature request', '#a855f7', 'lightbulb', 3),
  ('Bug report', '#ef4444', 'bug', 4),
  ('Other', '#64748b', 'inbox', 5)
) AS c(name, color, icon, position)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Maintenance jobs (auto-close) visit each workspace in turn; this lists them without reading their rows.
CREATE OR REPLACE FUNCTION cairn_all_tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT id FROM tenants ORDER BY id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_all_tenant_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_all_tenant_ids() TO cairn_app;
