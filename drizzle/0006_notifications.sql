CREATE TYPE "public"."agent_notification_type" AS ENUM('ticket_created', 'customer_replied');--> statement-breakpoint
CREATE TYPE "public"."mail_audience" AS ENUM('customer', 'agent');--> statement-breakpoint
CREATE TYPE "public"."ticket_mail_kind" AS ENUM('ticket_created_confirmation', 'ticket_created_alert', 'agent_replied', 'customer_replied', 'ticket_solved', 'ticket_closed');--> statement-breakpoint
ALTER TYPE "public"."outbox_status" ADD VALUE 'sending' BEFORE 'done';--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_name" text,
	"from_address" text,
	"smtp_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" "agent_notification_type" NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_mail_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"reply_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"ticket_message_id" uuid,
	"outbox_id" uuid,
	"kind" "ticket_mail_kind" NOT NULL,
	"audience" "mail_audience" NOT NULL,
	"recipient" text NOT NULL,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mail_threads" ADD CONSTRAINT "ticket_mail_threads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mail_threads" ADD CONSTRAINT "ticket_mail_threads_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_ticket_message_id_ticket_messages_id_fk" FOREIGN KEY ("ticket_message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_settings_tenant_key" ON "mail_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_tenant_user_type_key" ON "notification_preferences" USING btree ("tenant_id","user_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_mail_threads_ticket_key" ON "ticket_mail_threads" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_mail_threads_reply_token_key" ON "ticket_mail_threads" USING btree ("reply_token");--> statement-breakpoint
CREATE INDEX "ticket_mails_thread_idx" ON "ticket_mails" USING btree ("ticket_id","audience","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_mails_outbox_key" ON "ticket_mails" USING btree ("outbox_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_mails_message_id_key" ON "ticket_mails" USING btree ("tenant_id","message_id");--> statement-breakpoint
CREATE INDEX "outbox_claimed_idx" ON "outbox" USING btree ("claimed_at") WHERE claimed_at is not null;