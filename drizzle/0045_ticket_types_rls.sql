-- The tenant wall on ticket_types (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('ticket_types'::regclass);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_types TO cairn_app;
--> statement-breakpoint
-- Every existing workspace gets the four types tickets could have until now (the old ticket_type enum),
-- in its order, so every stored tickets.type names a row of its own workspace. New workspaces get them
-- from seedDefaultTicketTypes (server/services/ticket/ticket-types.ts).
INSERT INTO ticket_types (tenant_id, key, name, position)
SELECT t.id, d.key, d.name, d.position
FROM tenants t
CROSS JOIN (VALUES ('question', 'Question', 0), ('incident', 'Incident', 1), ('problem', 'Problem', 2), ('task', 'Task', 3))
  AS d (key, name, position)
ON CONFLICT DO NOTHING;
