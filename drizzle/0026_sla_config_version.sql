ALTER TABLE "tenants" ADD COLUMN "sla_config_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Processes cache a workspace's SLA setup keyed by this version, so every change to that setup must move it:
-- triggers do it for any writer (the admin services, the demo seed, a hand-written UPDATE). A sequence, not
-- a counter: a rolled-back change's number is never given out again, so a cache filled inside a transaction
-- that did not commit can never match a later, committed setup.
CREATE SEQUENCE IF NOT EXISTS sla_config_version_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE sla_config_version_seq TO cairn_app;
--> statement-breakpoint
-- Runs as the writer (cairn_app in a workspace's transaction): tenant_self lets it update its own workspace
-- only, which is the one the changed row belongs to (RLS checked the row's tenant_id).
CREATE OR REPLACE FUNCTION cairn_bump_sla_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tenants SET sla_config_version = nextval('sla_config_version_seq')
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_policies_bump_sla_config_version AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  FOR EACH ROW EXECUTE FUNCTION cairn_bump_sla_config_version();
--> statement-breakpoint
CREATE TRIGGER sla_escalations_bump_sla_config_version AFTER INSERT OR UPDATE OR DELETE ON sla_escalations
  FOR EACH ROW EXECUTE FUNCTION cairn_bump_sla_config_version();
--> statement-breakpoint
CREATE TRIGGER business_calendars_bump_sla_config_version AFTER INSERT OR UPDATE OR DELETE ON business_calendars
  FOR EACH ROW EXECUTE FUNCTION cairn_bump_sla_config_version();
--> statement-breakpoint
-- The workspace defaults (settings.sla) live on the tenant row itself: the same row gets its new version.
CREATE OR REPLACE FUNCTION cairn_bump_sla_settings_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.settings -> 'sla' IS DISTINCT FROM OLD.settings -> 'sla' THEN
    NEW.sla_config_version := nextval('sla_config_version_seq');
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tenants_bump_sla_config_version BEFORE UPDATE OF settings ON tenants
  FOR EACH ROW EXECUTE FUNCTION cairn_bump_sla_settings_version();
