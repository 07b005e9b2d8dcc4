-- The tenant wall on the rule tables (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['automation_rules', 'automation_rule_firings']) AS t;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON automation_rules, automation_rule_firings TO cairn_app;
--> statement-breakpoint
-- Tickets changed before this column existed: their last status move is at latest their last update.
UPDATE tickets SET status_changed_at = coalesce(closed_at, solved_at, updated_at);
--> statement-breakpoint
-- The auto-close setting becomes a built-in time rule each workspace can see and change: solved for the
-- setting's days (4 when never set) → closed. Kept in step with the setting both ways by the services.
CREATE OR REPLACE FUNCTION cairn_builtin_auto_close_rule(p_tenant uuid, p_days integer) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO automation_rules (tenant_id, name, kind, builtin, position, time, conditions, actions)
  VALUES (
    p_tenant, 'Close solved tickets', 'time', 'auto_close', 0,
    jsonb_build_object('since', 'solved', 'hours', p_days * 24),
    '{"match":"all","conditions":[{"field":"status","op":"in","values":["solved"]}]}'::jsonb,
    '[{"type":"set_status","status":"closed"}]'::jsonb
  )
  ON CONFLICT (tenant_id, builtin) DO NOTHING
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_builtin_auto_close_rule(uuid, integer) FROM PUBLIC;
--> statement-breakpoint
SELECT cairn_builtin_auto_close_rule(id, coalesce((settings->'tickets'->>'autoCloseAfterDays')::integer, 4)) FROM tenants;
--> statement-breakpoint
-- Every new workspace gets it too, whichever way it is created.
CREATE OR REPLACE FUNCTION cairn_tenant_builtin_rules() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cairn_builtin_auto_close_rule(NEW.id, coalesce((NEW.settings->'tickets'->>'autoCloseAfterDays')::integer, 4));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tenants_builtin_rules AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION cairn_tenant_builtin_rules();
--> statement-breakpoint
-- The minute sweep visits only workspaces with an enabled time rule: ids only.
CREATE OR REPLACE FUNCTION cairn_tenants_with_time_rules() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT tenant_id FROM automation_rules WHERE kind = 'time' AND enabled
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cairn_tenants_with_time_rules() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cairn_tenants_with_time_rules() TO cairn_app;
