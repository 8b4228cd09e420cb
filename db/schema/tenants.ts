import { boolean, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const tenants = pgTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /**
   * Verifications per minute for the whole tenant; null: no tenant limit (each key's own limit, if
   * any, still applies). New tenants get TENANT_RATE_LIMIT_DEFAULT, set by the application.
   */
  rateLimitPerMinute: integer("rate_limit_per_minute").default(100),
  maxTokenLifetimeSeconds: integer("max_token_lifetime_seconds").notNull().default(900),
  scopeCatalog: text("scope_catalog").array().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  // Account security (two-factor sign-in): set by an owner; members without 2FA must enrol first.
  requireMfa: boolean("require_mfa").notNull().default(false),
});
