-- The tenant wall on CC participants (see 0001_tenant_walls.sql); the app role's grants come from the default privileges there.
SELECT cairn_enable_tenant_rls('ticket_participants'::regclass);
