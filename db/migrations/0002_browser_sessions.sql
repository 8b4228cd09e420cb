ALTER TABLE "auth_sessions" ADD COLUMN "kind" text DEFAULT 'api' NOT NULL;--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");