CREATE TABLE "widget_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"position" text DEFAULT 'bottom-right' NOT NULL,
	"color" text DEFAULT '#4f46e5' NOT NULL,
	"greeting" text DEFAULT 'Hi! How can we help?' NOT NULL,
	"articles_enabled" boolean DEFAULT true NOT NULL,
	"contact_form_enabled" boolean DEFAULT true NOT NULL,
	"conversations_enabled" boolean DEFAULT true NOT NULL,
	"require_verified_identity" boolean DEFAULT true NOT NULL,
	"secret" text,
	"previous_secret" text,
	"secret_rotated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "widget_settings" ADD CONSTRAINT "widget_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "widget_settings_tenant_key" ON "widget_settings" USING btree ("tenant_id");