CREATE TYPE "public"."outbound_check_kind" AS ENUM('smtp');--> statement-breakpoint
CREATE TYPE "public"."outbound_check_status" AS ENUM('running', 'ok', 'failed');--> statement-breakpoint
CREATE TABLE "outbound_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" "outbound_check_kind" NOT NULL,
	"status" "outbound_check_status" NOT NULL,
	"target" text,
	"target_host" text,
	"message" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "workspace_domains_domain_key";--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "verification_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "check_error" text;--> statement-breakpoint
ALTER TABLE "outbound_checks" ADD CONSTRAINT "outbound_checks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_checks_tenant_kind_key" ON "outbound_checks" USING btree ("tenant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_domains_tenant_domain_key" ON "workspace_domains" USING btree ("tenant_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_domains_verified_domain_key" ON "workspace_domains" USING btree ("domain") WHERE "workspace_domains"."verified_at" is not null;