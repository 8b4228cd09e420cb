CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"key_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"ip" text NOT NULL,
	"path" text NOT NULL,
	"user_agent" text,
	"scopes" text,
	"weight" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "verification_log" ADD CONSTRAINT "verification_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_log_key_idx" ON "verification_log" USING btree ("tenant_id","key_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "verification_log_at_idx" ON "verification_log" USING btree ("at");