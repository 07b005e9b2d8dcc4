-- The tenant wall on the dashboard's rollup tables (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'analytics_ticket_facts', 'analytics_rollups', 'analytics_applied_events'
]) AS t;
