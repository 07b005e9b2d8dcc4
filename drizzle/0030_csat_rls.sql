-- The tenant wall on the satisfaction tables (see 0001_tenant_walls.sql; grants come from its default privileges).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['csat_settings', 'csat_surveys', 'csat_rating_events']) AS t;
--> statement-breakpoint
-- The rating history is append-only for the app: a changed rating is a new row, never an edit.
REVOKE UPDATE, DELETE ON csat_rating_events FROM cairn_app;
