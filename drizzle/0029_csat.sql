CREATE TYPE "public"."csat_channel" AS ENUM('mail_link', 'survey_page', 'portal');--> statement-breakpoint
CREATE TYPE "public"."csat_scale" AS ENUM('five', 'good_bad');--> statement-breakpoint
CREATE TABLE "csat_rating_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"previous_rating" integer,
	"channel" "csat_channel" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "csat_rating_events_rating_range" CHECK ("csat_rating_events"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "csat_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"scale" "csat_scale" DEFAULT 'five' NOT NULL,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"link_days" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"solved_at" timestamp with time zone NOT NULL,
	"scale" "csat_scale" NOT NULL,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"rating" integer,
	"comment" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "csat_surveys_rating_range" CHECK ("csat_surveys"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "csat_rating_events" ADD CONSTRAINT "csat_rating_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_rating_events" ADD CONSTRAINT "csat_rating_events_survey_id_csat_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."csat_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_settings" ADD CONSTRAINT "csat_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "csat_rating_events_survey_idx" ON "csat_rating_events" USING btree ("survey_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "csat_settings_tenant_key" ON "csat_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "csat_surveys_ticket_round_key" ON "csat_surveys" USING btree ("tenant_id","ticket_id","solved_at");--> statement-breakpoint
CREATE INDEX "csat_surveys_ticket_idx" ON "csat_surveys" USING btree ("tenant_id","ticket_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;