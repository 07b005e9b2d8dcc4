-- Rollup rows per pair of single-valued dimensions (PAIRED_DIMENSIONS in lib/reports/rollup-measures.ts), so
-- a dashboard filtered by two of them reads day rows. Built here from the ticket facts the existing rollups
-- were summed from: the consumer now subtracts a ticket's old pair rows when it changes, so they must exist.
-- The wall is lifted for the owner while it writes every workspace's rows at once, then put back.
ALTER TABLE "analytics_rollups" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "analytics_ticket_facts" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "analytics_rollups" ("tenant_id", "day", "dimension", "dimension_value", "metric", "bucket", "value")
SELECT f.tenant_id, (e ->> 0)::date, p.dimension, p.dimension_value, e ->> 1, (e ->> 2)::int,
  sum((e ->> 3)::numeric)::bigint
FROM "analytics_ticket_facts" f
CROSS JOIN LATERAL (VALUES
  ('team+agent', f.team_id::text || '|' || f.agent_id::text),
  ('team+channel', f.team_id::text || '|' || f.channel),
  ('team+priority', f.team_id::text || '|' || f.priority),
  ('team+category', f.team_id::text || '|' || f.category_id::text),
  ('agent+channel', f.agent_id::text || '|' || f.channel),
  ('agent+priority', f.agent_id::text || '|' || f.priority),
  ('agent+category', f.agent_id::text || '|' || f.category_id::text),
  ('channel+priority', f.channel || '|' || f.priority),
  ('channel+category', f.channel || '|' || f.category_id::text),
  ('priority+category', f.priority || '|' || f.category_id::text)
) AS p(dimension, dimension_value)
CROSS JOIN LATERAL jsonb_array_elements(f.measures) AS e
WHERE p.dimension_value IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
HAVING sum((e ->> 3)::numeric) <> 0
ON CONFLICT ("tenant_id", "dimension", "dimension_value", "day", "metric", "bucket") DO NOTHING;--> statement-breakpoint
ALTER TABLE "analytics_rollups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "analytics_ticket_facts" FORCE ROW LEVEL SECURITY;
