CREATE TYPE "public"."macro_visibility" AS ENUM('personal', 'teams', 'everyone');--> statement-breakpoint
ALTER TABLE "macros" ADD COLUMN "visibility" "macro_visibility" DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "macros" ADD COLUMN "team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_fields" ADD COLUMN "required_on_solve" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Macros saved before visibility existed: an owner meant "personal", none meant "shared with everyone".
UPDATE "macros" SET "visibility" = 'personal' WHERE "owner_user_id" IS NOT NULL;
