-- The tenant wall on the inbound tables (see 0001_tenant_walls.sql).
SELECT cairn_enable_tenant_rls('inbound_channels'::regclass);
--> statement-breakpoint
SELECT cairn_enable_tenant_rls('inbound_messages'::regclass);
