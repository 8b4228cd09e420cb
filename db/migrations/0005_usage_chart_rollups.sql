CREATE TABLE "usage_key_totals" (
	"tenant_id" text NOT NULL,
	"granularity" "usage_granularity" NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"failed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_key_totals_tenant_id_granularity_bucket_start_key_id_pk" PRIMARY KEY("tenant_id","granularity","bucket_start","key_id")
);
--> statement-breakpoint
CREATE TABLE "usage_tenant_rollups" (
	"tenant_id" text NOT NULL,
	"granularity" "usage_granularity" NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_tenant_rollups_tenant_id_granularity_bucket_start_outcome_pk" PRIMARY KEY("tenant_id","granularity","bucket_start","outcome")
);
--> statement-breakpoint
ALTER TABLE "usage_key_totals" ADD CONSTRAINT "usage_key_totals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_tenant_rollups" ADD CONSTRAINT "usage_tenant_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_rollups_key_idx" ON "usage_rollups" USING btree ("tenant_id","key_id","granularity","bucket_start");--> statement-breakpoint
-- Counts written before this migration (hand-written: drizzle-kit only diffs the schema).
INSERT INTO "usage_tenant_rollups" ("tenant_id", "granularity", "bucket_start", "outcome", "count")
SELECT "tenant_id", "granularity", "bucket_start", "outcome", sum("count") FROM "usage_rollups"
GROUP BY "tenant_id", "granularity", "bucket_start", "outcome";
--> statement-breakpoint
INSERT INTO "usage_key_totals" ("tenant_id", "granularity", "bucket_start", "key_id", "total", "failed")
SELECT "tenant_id", "granularity", "bucket_start", "key_id", sum("count"),
       coalesce(sum("count") FILTER (WHERE "outcome" <> 'VALID'), 0) FROM "usage_rollups"
GROUP BY "tenant_id", "granularity", "bucket_start", "key_id";
