-- The tenant wall on the assignment and triage tables (see 0001_tenant_walls.sql). The app role's grants
-- come from 0001's default privileges.
SELECT cairn_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'team_assignment_settings', 'agent_profiles', 'triage_settings', 'ticket_triage_suggestions'
]) AS t;
