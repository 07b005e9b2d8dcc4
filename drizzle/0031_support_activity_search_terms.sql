CREATE TYPE "public"."support_activity_kind" AS ENUM('article_viewed', 'search', 'request_filed');--> statement-breakpoint
CREATE TYPE "public"."support_source" AS ENUM('widget', 'portal', 'help_center');--> statement-breakpoint
CREATE TABLE "help_search_terms" (
	"tenant_id" uuid NOT NULL,
	"lexeme" text NOT NULL,
	"article_count" integer NOT NULL,
	CONSTRAINT "help_search_terms_tenant_id_lexeme_pk" PRIMARY KEY("tenant_id","lexeme")
);
--> statement-breakpoint
CREATE TABLE "support_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"source" "support_source" NOT NULL,
	"kind" "support_activity_kind" NOT NULL,
	"page_path" text NOT NULL,
	"article_id" uuid,
	"ticket_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "help_search_terms" ADD CONSTRAINT "help_search_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activity" ADD CONSTRAINT "support_activity_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_search_terms_trgm_idx" ON "help_search_terms" USING gin ("tenant_id",lexeme gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "support_activity_tenant_occurred_idx" ON "support_activity" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "support_activity_tenant_session_idx" ON "support_activity" USING btree ("tenant_id","session_id","occurred_at");