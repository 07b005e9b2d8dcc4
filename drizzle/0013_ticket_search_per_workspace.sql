DROP INDEX "ticket_messages_search_idx";--> statement-breakpoint
DROP INDEX "tickets_search_idx";--> statement-breakpoint
CREATE INDEX "ticket_messages_tenant_search_idx" ON "ticket_messages" USING gin ("tenant_id","search");--> statement-breakpoint
CREATE INDEX "ticket_messages_tenant_created_idx" ON "ticket_messages" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_tenant_search_idx" ON "tickets" USING gin ("tenant_id","search");