CREATE TABLE "analytics_pair_rollups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dimension_value" text NOT NULL,
	"day" date NOT NULL,
	"measures" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_pair_rollups" ADD CONSTRAINT "analytics_pair_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_pair_rollups_key" ON "analytics_pair_rollups" USING btree ("tenant_id","dimension","dimension_value","day");