CREATE TABLE "key_addresses" (
	"tenant_id" text NOT NULL,
	"key_id" text NOT NULL,
	"ip" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"new_since" timestamp with time zone,
	"count" bigint NOT NULL,
	CONSTRAINT "key_addresses_tenant_id_key_id_ip_pk" PRIMARY KEY("tenant_id","key_id","ip")
);
--> statement-breakpoint
ALTER TABLE "key_addresses" ADD CONSTRAINT "key_addresses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_addresses_new_idx" ON "key_addresses" USING btree ("tenant_id","new_since");--> statement-breakpoint
CREATE INDEX "key_addresses_last_seen_idx" ON "key_addresses" USING btree ("last_seen_at");