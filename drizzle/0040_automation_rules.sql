CREATE TYPE "public"."automation_rule_kind" AS ENUM('event', 'time');--> statement-breakpoint
CREATE TABLE "automation_rule_firings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "automation_rule_kind" NOT NULL,
	"builtin" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"time" jsonb,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"fired_count" integer DEFAULT 0 NOT NULL,
	"last_fired_at" timestamp with time zone,
	"last_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ticket_activities" ADD COLUMN "actor_rule_name" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "automation_rule_firings" ADD CONSTRAINT "automation_rule_firings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_rule_firings" ADD CONSTRAINT "automation_rule_firings_rule_id_automation_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."automation_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_rule_firings" ADD CONSTRAINT "automation_rule_firings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_rules" ADD CONSTRAINT "automation_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rule_firings_once_key" ON "automation_rule_firings" USING btree ("rule_id","ticket_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rules_tenant_name_key" ON "automation_rules" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_rules_tenant_builtin_key" ON "automation_rules" USING btree ("tenant_id","builtin");--> statement-breakpoint
CREATE INDEX "automation_rules_tenant_position_idx" ON "automation_rules" USING btree ("tenant_id","kind","position");