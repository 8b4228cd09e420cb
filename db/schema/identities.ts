import { index, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

/** lib/ratelimit/named-limits.ts validates these; the schema only names their shape. */
export type StoredNamedLimit = { name: string; limit: number; durationMs: number; autoApply: boolean };

/**
 * A tenant's own customer (issue 12): keys link to at most one identity, which shares its named
 * rate limits among them. `external_id` is the tenant's id for the customer, unique per tenant.
 */
export const identities = pgTable(
  "identities",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ratelimits: jsonb("ratelimits").$type<StoredNamedLimit[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("identities_tenant_external_idx").on(t.tenantId, t.externalId),
    // The target of api_keys' (tenant_id, identity_id) foreign key: a key can only link to an
    // identity of its own tenant, whatever the code above the database does.
    unique("identities_tenant_id_key").on(t.tenantId, t.id),
    index("identities_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
  ],
);
