-- The tenant wall on the widget's settings (see 0001_tenant_walls.sql); the app role's grants come from the
-- default privileges set there.
SELECT cairn_enable_tenant_rls('widget_settings'::regclass);
--> statement-breakpoint
ALTER TABLE widget_settings ADD CONSTRAINT widget_settings_position_check
  CHECK (position IN ('bottom-right', 'bottom-left'));
