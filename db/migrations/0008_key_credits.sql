CREATE TYPE "public"."credit_refill_interval" AS ENUM('daily', 'monthly');--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_remaining" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill_interval" "credit_refill_interval";--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill_amount" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill_day" smallint;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_credits_non_negative" CHECK ("api_keys"."credits_remaining" >= 0);