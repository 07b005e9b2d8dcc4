-- The tenant wall on the pair rollups (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('analytics_pair_rollups'::regclass);
--> statement-breakpoint
-- Existing workspaces get their pair rollups summed from the ticket facts, which hold each ticket's filter
-- values and measures: every pair of a fact's values (two tags never pair), in the filters' order (team,
-- agent, channel, priority, category, tag), named `a+b` with the value `va|vb`, each day's measures keyed
-- `metric:bucket`. This is what dimensionPairs and packPairDeltas (lib/reports/rollup-measures.ts) write
-- from then on; reports-filters.test.ts runs this statement and compares.
WITH dims AS (
  SELECT f.id AS fact_id, d.ord, d.dim, d.val
  FROM analytics_ticket_facts f
  CROSS JOIN LATERAL (VALUES
    (0, 'team', f.team_id::text), (1, 'agent', f.agent_id::text), (2, 'channel', f.channel),
    (3, 'priority', f.priority), (4, 'category', f.category_id::text)
  ) AS d (ord, dim, val)
  WHERE d.val IS NOT NULL
  UNION
  SELECT f.id, 5, 'tag', tag FROM analytics_ticket_facts f CROSS JOIN LATERAL unnest(f.tags) AS tag
),
sums AS (
  SELECT f.tenant_id, a.dim || '+' || b.dim AS dimension, a.val || '|' || b.val AS dimension_value,
    (e ->> 0)::date AS day, (e ->> 1) || ':' || (e ->> 2) AS key, sum((e ->> 3)::bigint) AS total
  FROM analytics_ticket_facts f
  JOIN dims a ON a.fact_id = f.id
  JOIN dims b ON b.fact_id = f.id AND b.ord > a.ord
  CROSS JOIN LATERAL jsonb_array_elements(f.measures) AS e
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum((e ->> 3)::bigint) <> 0
)
INSERT INTO analytics_pair_rollups (tenant_id, dimension, dimension_value, day, measures)
SELECT tenant_id, dimension, dimension_value, day, jsonb_object_agg(key, total)
FROM sums
GROUP BY 1, 2, 3, 4;
