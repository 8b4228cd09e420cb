CREATE TABLE "webhook_key_notices" (
	"tenant_id" text NOT NULL,
	"key_id" text NOT NULL,
	"notice" text NOT NULL,
	"mark" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_key_notices_tenant_id_key_id_notice_pk" PRIMARY KEY("tenant_id","key_id","notice")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_baseline" integer;--> statement-breakpoint
ALTER TABLE "webhook_key_notices" ADD CONSTRAINT "webhook_key_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_live_expires_at_idx" ON "api_keys" USING btree ("expires_at") WHERE "api_keys"."revoked_at" is null and "api_keys"."expires_at" is not null;--> statement-breakpoint
CREATE INDEX "usage_key_totals_recent_minutes_idx" ON "usage_key_totals" USING btree ("bucket_start") WHERE "usage_key_totals"."granularity" = 'minute';--> statement-breakpoint
-- Keys that already have credits: 10 % of their refill amount, else of their current balance.
UPDATE "api_keys" SET "credits_baseline" = coalesce("credits_refill_amount", "credits_remaining") WHERE "credits_remaining" IS NOT NULL;
