CREATE TABLE "analytics_applied_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_rollups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"dimension_value" text NOT NULL,
	"metric" text NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_ticket_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"created_day" date NOT NULL,
	"solved_day" date,
	"first_response_day" date,
	"rated_day" date,
	"reopen_days" date[] DEFAULT '{}'::date[] NOT NULL,
	"breach_days" date[] DEFAULT '{}'::date[] NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"channel" text NOT NULL,
	"priority" text NOT NULL,
	"category_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"one_touch" boolean DEFAULT false NOT NULL,
	"csat_rating" smallint,
	"csat_scale" integer,
	"csat_rated_at" timestamp with time zone,
	"csat_requested_at" timestamp with time zone,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_applied_events" ADD CONSTRAINT "analytics_applied_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rollups" ADD CONSTRAINT "analytics_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_ticket_facts" ADD CONSTRAINT "analytics_ticket_facts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_ticket_facts" ADD CONSTRAINT "analytics_ticket_facts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_applied_events_event_key" ON "analytics_applied_events" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_rollups_key" ON "analytics_rollups" USING btree ("tenant_id","dimension","dimension_value","day","metric","bucket");--> statement-breakpoint
CREATE INDEX "analytics_rollups_metric_idx" ON "analytics_rollups" USING btree ("tenant_id","metric","dimension","day");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_ticket_facts_ticket_key" ON "analytics_ticket_facts" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_created_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","created_day","ticket_id");--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_solved_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","solved_day","ticket_id") WHERE solved_day is not null;--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_agent_created_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","agent_id","created_day","ticket_id");--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_agent_solved_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","agent_id","solved_day","ticket_id") WHERE solved_day is not null;--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_responded_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","first_response_day","ticket_id") WHERE first_response_day is not null;--> statement-breakpoint
CREATE INDEX "analytics_ticket_facts_rated_idx" ON "analytics_ticket_facts" USING btree ("tenant_id","rated_day","ticket_id") WHERE rated_day is not null;